using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// A proposed answer. For «Confirmed», either the number of a certificate already in the database
/// (<see cref="CertificateSource"/> = existing) or the fields of the paper certificate found in the archive (new).
/// </summary>
public sealed class ProposalInput : CaseActionInput
{
    public override string? TypedText => Join(CertificateNumber, ExistingNumber, ExamDate, IssueDate, ExpiryDate, TrainingCenter, Reason);

    public const string NewCertificate = "new";
    public const string ExistingCertificate = "existing";

    public string? Outcome { get; set; }

    public string? Reason { get; set; }

    public string? CertificateSource { get; set; }

    public string? ExistingNumber { get; set; }

    public string? CertificateNumber { get; set; }

    public string? CertificateKind { get; set; }

    public string? StandardId { get; set; }

    public string? ExamDate { get; set; }

    public string? IssueDate { get; set; }

    public string? ExpiryDate { get; set; }

    public string? TrainingCenter { get; set; }

    public string? Program { get; set; }

    public override void Normalize()
    {
        Reason = Text(Reason);
        ExistingNumber = PersianText.NormalizeCode(ExistingNumber);
        CertificateNumber = PersianText.NormalizeCode(CertificateNumber);
        StandardId = PersianText.NormalizeCode(StandardId);
        ExamDate = PersianText.NormalizeCode(ExamDate);
        IssueDate = PersianText.NormalizeCode(IssueDate);
        ExpiryDate = PersianText.NormalizeCode(ExpiryDate);
        TrainingCenter = Text(TrainingCenter);
    }

    public AnswerOutcome? ParsedOutcome => Enum.TryParse<AnswerOutcome>(Outcome, out var outcome) && Enum.IsDefined(outcome) ? outcome : null;

    public bool IsConfirmed => ParsedOutcome == AnswerOutcome.Confirmed;

    public bool LinksExisting => IsConfirmed && CertificateSource == ExistingCertificate;

    public bool DigitizesNew => IsConfirmed && CertificateSource == NewCertificate;

    public CertificateKind? ParsedKind =>
        Enum.TryParse<CertificateKind>(CertificateKind, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public TrainingProgram? ParsedProgram =>
        Enum.TryParse<TrainingProgram>(Program, out var program) && Enum.IsDefined(program) ? program : null;

    public int? ParsedStandardId =>
        int.TryParse(StandardId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static DateOnly? ParseDate(string? text) => JalaliDate.TryParse(text, out var date) ? date : null;
}

/// <summary>The proposal's own rules; what needs the database (numbers, the standard, the holder) is checked by the action.</summary>
public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.Outcome).Must(outcome => new ProposalInput { Outcome = outcome }.ParsedOutcome is not null)
            .WithMessage("نتیجه را انتخاب کنید.");
        RuleFor(i => i.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().When(i => i.ParsedOutcome == AnswerOutcome.Rejected).WithMessage("دلیل رد درخواست را بنویسید.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));

        When(i => i.IsConfirmed, () =>
        {
            RuleFor(i => i.CertificateSource)
                .Must(source => source is ProposalInput.NewCertificate or ProposalInput.ExistingCertificate)
                .WithMessage("بگویید گواهینامه از بایگانی کاغذی وارد می‌شود یا پیش‌تر در سامانه ثبت شده است.");
        });

        When(i => i.LinksExisting, () =>
        {
            RuleFor(i => i.ExistingNumber).NotEmpty().WithMessage("شماره گواهینامه ثبت‌شده را وارد کنید.");
        });

        When(i => i.DigitizesNew, () =>
        {
            RuleFor(i => i.CertificateNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("شماره گواهینامه را وارد کنید.")
                .Must(IsCertificateNumber)
                .WithMessage("شماره گواهینامه فقط می‌تواند رقم، حروف لاتین، «-» و «/» باشد و حداکثر "
                    + PersianText.ToPersianDigits(DataLimits.CertificateNumber) + " نویسه.");
            RuleFor(i => i.CertificateKind).Must(kind => new ProposalInput { CertificateKind = kind }.ParsedKind is not null)
                .WithMessage("گواهینامه مهارت یا پروانه مهارت را انتخاب کنید.");
            RuleFor(i => i.StandardId).Must(id => new ProposalInput { StandardId = id }.ParsedStandardId is not null)
                .WithMessage("استاندارد آموزشی را انتخاب کنید.");
            RuleFor(i => i.ExamDate).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("تاریخ آزمون را وارد کنید.")
                .Must(text => ProposalInput.ParseDate(text) is not null).WithMessage(DateFormat("تاریخ آزمون"));
            RuleFor(i => i.IssueDate).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("تاریخ صدور را وارد کنید.")
                .Must(text => ProposalInput.ParseDate(text) is not null).WithMessage(DateFormat("تاریخ صدور"))
                .Must(text => ProposalInput.ParseDate(text) <= IranTime.Today(clock)).WithMessage("تاریخ صدور نمی‌تواند در آینده باشد.");
            RuleFor(i => i).Must(i => ProposalInput.ParseDate(i.IssueDate) >= ProposalInput.ParseDate(i.ExamDate))
                .When(i => ProposalInput.ParseDate(i.IssueDate) is not null && ProposalInput.ParseDate(i.ExamDate) is not null)
                .OverridePropertyName(nameof(ProposalInput.IssueDate))
                .WithMessage("تاریخ صدور نمی‌تواند پیش از تاریخ آزمون باشد.");
            // Separate rules: a When() in a chain would apply to every rule before it.
            RuleFor(i => i.ExpiryDate).NotEmpty().When(i => i.ParsedKind == Domain.CertificateKind.License)
                .WithMessage("پروانه مهارت تاریخ اعتبار دارد؛ آن را وارد کنید.");
            RuleFor(i => i.ExpiryDate).Empty().When(i => i.ParsedKind == Domain.CertificateKind.Certificate)
                .WithMessage("گواهینامه مهارت تاریخ اعتبار ندارد؛ این خانه را خالی بگذارید.");
            RuleFor(i => i.ExpiryDate).Must(text => ProposalInput.ParseDate(text) is not null)
                .When(i => i.ParsedKind == Domain.CertificateKind.License && !string.IsNullOrEmpty(i.ExpiryDate))
                .WithMessage(DateFormat("تاریخ اعتبار"));
            RuleFor(i => i).Must(i => ProposalInput.ParseDate(i.ExpiryDate) > ProposalInput.ParseDate(i.IssueDate))
                .When(i => ProposalInput.ParseDate(i.ExpiryDate) is not null && ProposalInput.ParseDate(i.IssueDate) is not null)
                .OverridePropertyName(nameof(ProposalInput.ExpiryDate))
                .WithMessage("تاریخ اعتبار باید پس از تاریخ صدور باشد.");
            RuleFor(i => i.TrainingCenter).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("نام مرکز آموزش (یا طرف تفاهم‌نامه) را وارد کنید.")
                .MaximumLength(DataLimits.Title).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Title));
            RuleFor(i => i.Program).Must(program => new ProposalInput { Program = program }.ParsedProgram is not null)
                .WithMessage("دوره آموزشی (مرکز سازمان، آموزش و پرورش، …) را انتخاب کنید.");
        });
    }

    /// <summary>The import's rule for certificate numbers: digits, Latin letters, '-' and '/'.</summary>
    public static bool IsCertificateNumber(string? number) =>
        number is { Length: > 0 and <= DataLimits.CertificateNumber }
        && number.All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or '-' or '/');

    private static string DateFormat(string field) => field + " را به شکل سال/ماه/روز وارد کنید، مثلاً ۱۳۸۶/۰۴/۲۰.";
}
