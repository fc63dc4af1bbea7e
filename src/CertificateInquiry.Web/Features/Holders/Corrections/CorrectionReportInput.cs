using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>
/// The holder's report of one wrong field: the right value (a name, a Jalali date or a standard's id, read by
/// <see cref="CorrectionValues.Read"/> against the certificate), a note, a mobile for the answer, an optional document
/// (posted as <c>Document</c>, checked by the document store) and the key the form was drawn with.
/// </summary>
public sealed class CorrectionReportInput
{
    public string? Value { get; set; }

    public string? Note { get; set; }

    public string? Mobile { get; set; }

    /// <summary>Drawn into the form as a new GUID: a second post of the same form finds the report the first one made.</summary>
    public string? SubmissionKey { get; set; }

    /// <summary>Control characters found in the note before normalization (which would drop them): refused.</summary>
    public bool NoteHadControlCharacters { get; private set; }

    public Guid? ParsedSubmissionKey => Guid.TryParseExact(SubmissionKey, "N", out var key) && key != Guid.Empty ? key : null;

    public void Normalize()
    {
        NoteHadControlCharacters = CorrectionValues.HasControlCharacters(Note);
        // Megabytes of note are refused as too long without being normalized, nor drawn back whole into the form.
        Note = Note is { Length: > CorrectionReportInputValidator.NoteLimitToRead } ? Note[..CorrectionReportInputValidator.NoteLimitToRead] : PersianText.Normalize(Note);
        Mobile = Mobile is { Length: > 40 } ? Mobile : MobileNumber.Normalize(Mobile);
        SubmissionKey = SubmissionKey?.Trim();
    }
}

public sealed class CorrectionReportInputValidator : AbstractValidator<CorrectionReportInput>
{
    public const int NoteLimit = 1000;

    /// <summary>Beyond this a note is refused as it came, without normalizing megabytes of it first.</summary>
    public const int NoteLimitToRead = 4 * NoteLimit;

    public const string NoteRequired = "توضیح دهید چه چیزی اشتباه است و درست آن از کجا معلوم است (مثلاً شناسنامه).";
    public const string NoteInvalid = "توضیح نویسه‌های نامعتبر دارد؛ آن را دوباره بنویسید.";
    public const string MobileInvalid = "شماره همراه را به شکل ۰۹۱۲۳۴۵۶۷۸۹ وارد کنید؛ پاسخ با پیامک به آن فرستاده می‌شود.";
    public const string FormExpired = "این فرم کهنه یا ناقص است؛ صفحه را دوباره باز کنید و بفرستید.";

    public static readonly string NoteTooLong = "توضیح حداکثر " + PersianText.ToPersianDigits(NoteLimit) + " نویسه است؛ آن را کوتاه‌تر کنید.";

    public CorrectionReportInputValidator()
    {
        RuleFor(i => i.Note).Cascade(CascadeMode.Stop)
            .Must((input, _) => !input.NoteHadControlCharacters).WithMessage(NoteInvalid)
            .NotEmpty().WithMessage(NoteRequired)
            .MaximumLength(NoteLimit).WithMessage(NoteTooLong);
        RuleFor(i => i.Mobile).Must(MobileNumber.IsValid).WithMessage(MobileInvalid);
        RuleFor(i => i.SubmissionKey).Must((input, _) => input.ParsedSubmissionKey is not null).WithMessage(FormExpired);
    }
}
