using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// Registers an agency's paper letter with its list: every row is checked by the shared rules and looked up by the
/// same finder as the API (<see cref="AgencyFinder"/>); found rows are answered at once, not-found rows become
/// pre-1392 inquiry requests of the province filed for the agency (no fee, no applicant's mobile), and the letter,
/// its rows and those requests are saved in one transaction. Each row goes into the inquiry audit (channel
/// PaperLetter: purpose, the agency's letter number as case reference, the staff member as officer).
/// </summary>
public sealed class PaperLetterRegistration(
    AppDbContext db,
    StaffScope scope,
    AgencyFinder finder,
    IValidator<RegisterLetterInput> validator,
    InquiryAudit audit,
    StaffAuditTrail trail,
    IHttpContextAccessor http,
    IOptions<RequestServiceLevels> serviceLevels,
    TimeProvider clock,
    ILogger<PaperLetterRegistration> logger)
{
    public const string RegisterAction = "paper-letter.register";
    public const string TooManyRows = "یک نامه حداکثر ۱٬۰۰۰ ردیف دارد؛ فهرست‌های بزرگ‌تر را در چند نامه ثبت کنید یا از سامانه دسته‌ای بخواهید.";
    public const string ProvinceRequired = "استانی را که به نامه پاسخ می‌دهد برگزینید.";
    public const string UnknownAgency = "این سازمان در فهرست سازمان‌های ثبت‌شده نیست.";

    /// <summary>The most a letter's file may weigh; a thousand rows are far smaller.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    private static readonly BatchFileLimits FileLimits = new() { MaxBytes = MaxFileBytes, MaxRows = PaperLetter.MaxRows };

    public string UserName => scope.User.FindFirstValue(StaffClaimTypes.FullName) is { Length: > 0 } name ? name : scope.User.Identity?.Name ?? scope.UserId!;

    public async Task<RegistrationOutcome> RegisterAsync(RegisterLetterInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var provinceId = scope.ProvinceId ?? input.ParsedProvinceId;
        if (scope.IsNationalAdmin && (provinceId is null || !await db.Provinces.AnyAsync(p => p.Id == provinceId, cancellationToken)))
        {
            errors.Add((nameof(input.ProvinceId), ProvinceRequired));
        }

        string? agencyName = null;
        if (input.ParsedAgencyClientId is { } clientId)
        {
            agencyName = await db.AgencyClients.Where(c => c.Id == clientId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
            if (agencyName is null)
            {
                errors.Add((nameof(input.AgencyClientId), UnknownAgency));
            }
        }
        else
        {
            agencyName = input.NormalizedAgencyName;
        }

        var given = input.HasFile && errors.Count == 0 ? await ReadFileAsync(input.File!, errors, cancellationToken) : TypedRowList.Parse(input.Rows);
        if (errors.Any(e => e.Item1 == nameof(input.File)))
        {
            // the file's own reason says it all
        }
        else if (given.Count > PaperLetter.MaxRows)
        {
            errors.Add((nameof(input.Rows), TooManyRows));
        }
        else if (given.Count == 0 && !errors.Any(e => e.Item1 == nameof(input.Rows)))
        {
            errors.Add((nameof(input.Rows), RegisterLetterInputValidator.RowsRequired));
        }

        if (errors.Count > 0)
        {
            logger.RegistrationRefused(scope.UserId, string.Join(',', errors.Select(e => e.Item1).Distinct()));
            return new RegistrationOutcome(RegistrationOutcome.Kinds.Invalid, Errors: errors);
        }

        var rows = PaperRowCheck.Check(given);
        var invalid = rows.Where(r => !r.IsValid).ToList();
        if (invalid.Count > 0 && !input.AcceptInvalidRows)
        {
            return new RegistrationOutcome(RegistrationOutcome.Kinds.RowsNeedConfirmation, InvalidRows: invalid);
        }

        var agencyKey = PaperLetter.KeyFor(input.ParsedAgencyClientId, agencyName!);
        var letterNumber = input.NormalizedLetterNumber;
        if (await ExistingAsync(provinceId!.Value, agencyKey, letterNumber, cancellationToken) is { } existing)
        {
            logger.RegisteredTwice(scope.UserId, existing);
            return new RegistrationOutcome(RegistrationOutcome.Kinds.AlreadyRegistered, existing);
        }

        // The lookups are reads: done before the transaction, so that it stays short.
        var findings = new Dictionary<int, AgencyFinding>();
        foreach (var row in rows.Where(r => r.IsValid))
        {
            findings[row.Given.RowNumber] = await finder.FindAsync(row.Query!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var letter = new PaperLetter
        {
            ProvinceId = provinceId.Value,
            AgencyClientId = input.ParsedAgencyClientId,
            AgencyName = agencyName!,
            AgencyKey = agencyKey,
            AgencyLetterNumber = letterNumber,
            AgencyLetterDate = input.ParsedLetterDate!.Value,
            Purpose = input.ParsedPurpose!.Value,
            RegisteredByUserId = scope.UserId!,
            RegisteredByName = UserName,
            RegisteredAtUtc = now,
        };
        foreach (var row in rows)
        {
            letter.Rows.Add(NewRow(letter, row, row.IsValid ? findings[row.Given.RowNumber] : null, now));
        }

        try
        {
            await SaveAsync(letter, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same letter was registered by a second tab or a double submit between our check and our save: the
            // unique index refused this one. Anything else is a real error.
            if (await ExistingAsync(letter.ProvinceId, agencyKey, letterNumber, cancellationToken) is not { } registered)
            {
                throw;
            }

            logger.RegisteredTwice(scope.UserId, registered);
            return new RegistrationOutcome(RegistrationOutcome.Kinds.AlreadyRegistered, registered);
        }

        AuditRows(letter);
        logger.Registered(scope.UserId, letter.Id, letter.ProvinceId, letter.Rows.Count,
            letter.Rows.Count(r => r.Outcome == PaperRowOutcome.Verified), letter.Rows.Count(r => r.Outcome == PaperRowOutcome.Referred), letter.Rows.Count(r => r.Outcome == PaperRowOutcome.Invalid));
        return new RegistrationOutcome(RegistrationOutcome.Kinds.Registered, letter.Id);
    }

    /// <summary>
    /// The rows of a file in the agencies' batch template, read by the shared batch reader (CSV in UTF-8 with or without
    /// BOM, or XLSX, known by its bytes); a file that cannot be read as a whole is refused with the reader's reason.
    /// </summary>
    private static async Task<List<GivenRow>> ReadFileAsync(IFormFile file, List<(string, string)> errors, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var reader = await BatchFileReader.OpenAsync(stream, file.FileName, file.ContentType, cancellationToken, FileLimits);
        var rows = new List<GivenRow>();
        try
        {
            foreach (var row in reader.ReadRows(cancellationToken))
            {
                rows.Add(new GivenRow(row.RowNumber, Empty(row.RowId), Empty(row.NationalCode), Empty(row.CertificateNumber), Empty(row.FirstName), Empty(row.LastName),
                    row.HasExtraValues ? TypedRowList.TooManyColumns : null));
            }
        }
        catch (BatchFileRejectedException refused)
        {
            errors.Add((nameof(RegisterLetterInput.File), refused.Rejection.Message));
            return [];
        }

        return rows;

        static string? Empty(string value) => value.Length == 0 ? null : value;
    }

    private PaperLetterRow NewRow(PaperLetter letter, CheckedRow row, AgencyFinding? finding, DateTime now)
    {
        var given = row.Given;
        var paperRow = new PaperLetterRow
        {
            RowNumber = given.RowNumber,
            RowId = row.RowId ?? Given(given.RowId),
            GivenNationalCode = Given(given.NationalCode),
            GivenCertificateNumber = Given(given.CertificateNumber),
            GivenFirstName = Given(given.FirstName),
            GivenLastName = Given(given.LastName),
            NationalCode = row.Query?.NationalCode,
            CertificateNumber = row.Query?.CertificateNumber,
            FirstName = row.Query?.FirstName,
            LastName = row.Query?.LastName,
        };
        if (row.RowId is null && paperRow.RowId is { Length: > 64 })
        {
            paperRow.RowId = paperRow.RowId[..64];
        }

        if (finding is null)
        {
            paperRow.Outcome = PaperRowOutcome.Invalid;
            paperRow.ReasonCode = Cut(row.ReasonCodes, DataLimits.Title);
            paperRow.Reason = Cut(row.Reason, DataLimits.Note);
            paperRow.AnsweredAtUtc = now;
        }
        else if (finding.Verified)
        {
            PaperLetterFindings.Verified(paperRow, finding.Certificates[0], finding.FirstName, finding.LastName, now);
        }
        else
        {
            paperRow.Outcome = PaperRowOutcome.Referred;
            paperRow.Request = letter.NewRequest(paperRow, now);
        }

        return paperRow;
    }

    private async Task SaveAsync(PaperLetter letter, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.PaperLetters.Add(letter);
            var now = letter.RegisteredAtUtc;
            var dueOn = serviceLevels.Value.DueOn(RequestStatus.Submitted, IranTime.Today(clock))!.Value;
            var note = "ثبت از نامه " + letter.AgencyName + " به شماره " + letter.AgencyLetterNumber;
            foreach (var request in letter.Rows.Select(r => r.Request).OfType<InquiryRequest>())
            {
                if (request.Status == RequestStatus.Draft)
                {
                    request.SubmitFromPaperLetter(TrackingCode.New(), scope.UserId!, UserName, now, dueOn, Cut(note, DataLimits.Note)!);
                }
            }

            await db.SaveChangesAsync(token);
            trail.Record(RegisterAction, "PaperLetter", letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.ProvinceId, details: Cut(
                "ثبت نامه " + letter.AgencyName + " شماره " + letter.AgencyLetterNumber + " با " + PersianText.ToPersianDigits(letter.Rows.Count) + " ردیف", DataLimits.Note));
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    private Task<long?> ExistingAsync(int provinceId, string agencyKey, string letterNumber, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.PaperLetters.AsNoTracking()
            .Where(l => l.ProvinceId == provinceId && l.AgencyKey == agencyKey && l.AgencyLetterNumber == letterNumber)
            .Select(l => (long?)l.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private void AuditRows(PaperLetter letter)
    {
        if (http.HttpContext is not { } context)
        {
            return;
        }

        foreach (var row in letter.Rows)
        {
            var outcome = row.Outcome switch
            {
                PaperRowOutcome.Verified => InquiryOutcome.Match,
                PaperRowOutcome.Invalid => InquiryOutcome.Invalid,
                _ => InquiryOutcome.Miss,
            };
            audit.RecordAgency(context, InquiryChannel.PaperLetter, outcome, row.CertificateId, new AgencyAuditFields(
                letter.AgencyClientId,
                letter.Purpose,
                letter.AgencyLetterNumber,
                scope.UserId,
                row.NationalCode is null ? null : audit.HashNationalCode(row.NationalCode),
                PaperLetterFindings.InquiryId(letter.Id, row.RowNumber)));
        }
    }

    // The row as given, kept readable: cut to the column and without control characters (NUL and the like).
    private static string? Given(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var clean = new string([.. value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c)]).Trim();
        return clean.Length == 0 ? null : Cut(clean, PaperLetterRow.MaxGivenLength);
    }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
