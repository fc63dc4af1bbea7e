using System.Data.Common;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Data.Configurations;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Requests.Letters;

/// <summary>
/// Issues and draws the answer letters of paper-era inquiry requests (ADR-011). The back-office calls
/// <see cref="IssueAsync"/> when a manager approves an answer, before its own SaveChanges; the applicant (from
/// tracking), staff and the verify page read letters back through here.
/// </summary>
public sealed class AnswerLetters(AppDbContext db, AnswerLetterDocument document, TimeProvider clock, ILogger<AnswerLetters> logger)
{
    // Each failed claim means another issuer took a number, so this bounds a burst, not a wait.
    private const int MaxClaimAttempts = 100;

    // Creates a year's counter unless it is there. Plain SQL all three providers run (SELECT without FROM, with
    // WHERE; double-quoted identifiers); EF has no insert-if-missing. The table name is a constant, the values are
    // parameters.
    private const string CreateCounterSql =
        "INSERT INTO \"" + LetterSequenceConfiguration.TableName + "\" (\"ProvinceId\", \"JalaliYear\", \"Next\") SELECT {0}, {1}, 1 "
        + "WHERE NOT EXISTS (SELECT 1 FROM \"" + LetterSequenceConfiguration.TableName + "\" WHERE \"ProvinceId\" = {0} AND \"JalaliYear\" = {1})";

    // On PostgreSQL a failed statement aborts the caller's whole transaction, so the race that SQL Server settles by
    // catching the duplicate key below is settled inside the statement instead.
    private const string CreateCounterPostgreSql = CreateCounterSql + " ON CONFLICT DO NOTHING";

    /// <summary>
    /// The letter for <paramref name="request"/>, which must already be answered, signed by <paramref name="signer"/>
    /// (their name and title are copied into it). It gets the next number of the request's province in the current
    /// Jalali year (Iran time) and a verification code, is added to the context and returned; the caller's
    /// SaveChanges writes it together with the approval, and nothing here saves the request.
    /// </summary>
    /// <remarks>
    /// The number is claimed from the <c>LetterSequences</c> counter by a conditional UPDATE, which runs at once.
    /// Inside a transaction the caller has begun, the claim is part of it: a rollback returns the number, and another
    /// manager of the same province waits at the counter until the commit. Without one, the claim commits on its own,
    /// so a SaveChanges that fails afterwards (say, a concurrency conflict on the request) leaves a gap in the year's
    /// series. That is the price of not holding a lock across the caller's work: numbers are unique and increasing,
    /// not necessarily contiguous. The unique index on (ProvinceId, JalaliYear, Sequence) backs the counter up.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The request is not answered, not saved yet, already has a letter,
    /// or belongs to a province other than the signer's.</exception>
    public async Task<AnswerLetter> IssueAsync(InquiryRequest request, StaffUser signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        if (request is not { Status: RequestStatus.Answered, Outcome: { } outcome, TrackingCode: { } trackingCode, ProvinceId: { } provinceId })
        {
            throw new InvalidOperationException("Only an answered request (with its outcome, tracking code and province) gets an answer letter.");
        }

        if (request.Id == 0)
        {
            throw new InvalidOperationException("The request must be saved before its letter is issued: the letter refers to it by id.");
        }

        if (signer.ProvinceId is { } signerProvince && signerProvince != provinceId)
        {
            throw new InvalidOperationException("A provincial manager signs only their own province's letters.");
        }

        if (db.AnswerLetters.Local.Any(l => l.RequestId == request.Id)
            || await db.AnswerLetters.AnyAsync(l => l.RequestId == request.Id, cancellationToken))
        {
            throw new InvalidOperationException("This request already has an answer letter.");
        }

        // Everything the letter says is read before a number is claimed, so a request that cannot be described
        // (a confirmed answer whose certificate is gone) costs no number.
        var trade = request.Standard?.Title
            ?? (request.StandardId is { } standardId
                ? await db.TrainingStandards.Where(s => s.Id == standardId).Select(s => s.Title).SingleOrDefaultAsync(cancellationToken)
                : null)
            ?? request.TradeText
            ?? "—";
        Certificate? certificate = null;
        if (outcome == AnswerOutcome.Confirmed)
        {
            var certificateId = request.AnswerCertificateId
                ?? throw new InvalidOperationException("A confirmed answer names its certificate.");
            certificate = await db.Certificates.Include(c => c.Person).Include(c => c.Standard).Include(c => c.Province)
                .SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken)
                ?? throw new InvalidOperationException("The confirmed certificate is not in the database.");
        }

        var issuedAtUtc = clock.GetUtcNow().UtcDateTime;
        var jalaliYear = JalaliDate.YearOf(DateOnly.FromDateTime(IranTime.ToIranTime(issuedAtUtc)));
        var sequence = await ClaimSequenceAsync(provinceId, jalaliYear, cancellationToken);
        var letter = new AnswerLetter
        {
            RequestId = request.Id,
            TrackingCode = trackingCode,
            LetterNumber = AnswerLetter.FormatNumber(provinceId, jalaliYear, sequence),
            ProvinceId = provinceId,
            JalaliYear = jalaliYear,
            Sequence = sequence,
            IssuedAtUtc = issuedAtUtc,
            VerificationCode = VerificationCode.New(),
            SignerUserId = signer.Id,
            SignerName = string.IsNullOrWhiteSpace(signer.FullName) ? signer.Email ?? signer.Id : signer.FullName,
            SignerTitle = signer.Title,
            RequesterKind = request.RequesterKind,
            ApplicantName = $"{request.FirstName} {request.LastName}".Trim(),
            ApplicantFatherName = request.FatherName,
            ApplicantGender = request.Gender,
            OrganizationName = request.RequesterKind == RequesterKind.Organization ? request.OrganizationName : null,
            OrganizationLetterNumber = request.RequesterKind == RequesterKind.Organization ? request.OrganizationLetterNumber : null,
            RequestedTrade = trade,
            RequestedExamYear = request.ExamYear,
            Outcome = outcome,
            OutcomeReason = request.OutcomeReason,
            CertificateId = certificate?.Id,
            CertificateNumber = certificate?.Number,
            CertificateKind = certificate?.Kind,
            HolderName = certificate?.Person?.FullName,
            HolderFatherName = certificate?.Person?.FatherName,
            HolderNationality = certificate?.Person?.Nationality,
            StandardTitle = certificate?.Standard?.Title,
            StandardCode = certificate?.Standard?.Code,
            ExamDate = certificate?.ExamDate,
            IssueDate = certificate?.IssueDate,
            // The letter goes to the applicant, or to the organization that asked: it names the issuer the disclosure
            // rules give the public, never the training centre or program (a prison workshop, a school; ADR-017).
            TrainingCenter = certificate is null ? null : CertificateDisclosure.IssuingOffice(certificate.Province!.Name),
        };
        db.AnswerLetters.Add(letter);
        logger.LogInformation("Answer letter {LetterNumber} issued for request {RequestId}", letter.LetterNumber, request.Id);
        return letter;
    }

    /// <summary>
    /// Claims the next number of <paramref name="provinceId"/>'s answer letters for a letter issued at
    /// <paramref name="issuedAtUtc"/>: the one series (<see cref="LetterSequence"/>) that a request's letter and the
    /// answer letter of an agency's paper letter share, under the same rules as <see cref="IssueAsync"/>.
    /// </summary>
    public async Task<(int JalaliYear, int Sequence, string LetterNumber)> ClaimNumberAsync(int provinceId, DateTime issuedAtUtc, CancellationToken cancellationToken)
    {
        var jalaliYear = JalaliDate.YearOf(DateOnly.FromDateTime(IranTime.ToIranTime(issuedAtUtc)));
        var sequence = await ClaimSequenceAsync(provinceId, jalaliYear, cancellationToken);
        return (jalaliYear, sequence, AnswerLetter.FormatNumber(provinceId, jalaliYear, sequence));
    }

    /// <summary>The letter of a request, or null (not answered yet, or answered before letters existed).</summary>
    public Task<AnswerLetter?> FindByRequestAsync(long requestId, CancellationToken cancellationToken) =>
        db.AnswerLetters.AsNoTracking().Include(l => l.Province).SingleOrDefaultAsync(l => l.RequestId == requestId, cancellationToken);

    /// <summary>The letter of the request with both these keys (the applicant's tracking keys), or null.</summary>
    public Task<AnswerLetter?> FindByTrackingKeysAsync(string trackingCode, string nationalCode, CancellationToken cancellationToken)
    {
        var requests = db.Requests.WithTrackingKeys(trackingCode, nationalCode);
        return db.AnswerLetters.AsNoTracking().Include(l => l.Province)
            .Where(l => requests.Any(r => r.Id == l.RequestId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// What the verify page shows for a verification code: the letter as issued and, for a confirmed one, the
    /// certificate as it stands today; null for an unknown or malformed code.
    /// </summary>
    public async Task<AnswerLetterVerification?> VerifyAsync(string code, DateOnly today, CancellationToken cancellationToken)
    {
        if (!VerificationCode.IsWellFormed(code))
        {
            return null;
        }

        var found = await db.AnswerLetters.AsNoTracking()
            .Where(l => l.VerificationCode == code)
            .Select(l => new
            {
                Letter = l,
                ProvinceName = l.Province!.Name,
                Certificate = db.Certificates.Where(c => c.Id == l.CertificateId)
                    .Select(c => new { c.Number, c.Status, c.ExpiryDate, c.VerificationCode })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var live = found.Certificate is { } certificate
            ? new LiveCertificate(
                certificate.Number,
                certificate.Status == CertificateStatus.Revoked ? StandingKind.Revoked
                    : certificate.ExpiryDate is { } expiry && expiry < today ? StandingKind.Expired
                    : StandingKind.Valid,
                certificate.VerificationCode)
            : null;
        return new AnswerLetterVerification(found.Letter, found.ProvinceName, live);
    }

    /// <summary>The letter's PDF; <paramref name="verificationUrl"/> is the absolute address of its verify page.</summary>
    public async Task<byte[]> RenderAsync(AnswerLetter letter, string verificationUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var provinceName = letter.Province?.Name
            ?? await db.Provinces.Where(p => p.Id == letter.ProvinceId).Select(p => p.Name).SingleAsync(cancellationToken);
        return document.Render(letter, provinceName, verificationUrl);
    }

    /// <summary>The file name a downloaded letter is saved under: the number, with dashes for its slashes.</summary>
    public static string FileName(AnswerLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return "tvto-letter-" + letter.LetterNumber.Replace('/', '-') + ".pdf";
    }

    // Reads the counter and moves it on only if nobody did since: of two managers who read the same number, one
    // UPDATE matches and the other reads again. A year's first letter creates the counter.
    private async Task<int> ClaimSequenceAsync(int provinceId, int jalaliYear, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
        {
            var next = await db.LetterSequences.AsNoTracking()
                .Where(s => s.ProvinceId == provinceId && s.JalaliYear == jalaliYear)
                .Select(s => (int?)s.Next)
                .SingleOrDefaultAsync(cancellationToken);
            if (next is not { } candidate)
            {
                await CreateCounterAsync(provinceId, jalaliYear, cancellationToken);
                continue;
            }

            var claimed = await db.LetterSequences
                .Where(s => s.ProvinceId == provinceId && s.JalaliYear == jalaliYear && s.Next == candidate)
                .ExecuteUpdateAsync(update => update.SetProperty(s => s.Next, candidate + 1), cancellationToken);
            if (claimed == 1)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No letter number could be claimed: the counter kept changing.");
    }

    private async Task CreateCounterAsync(int provinceId, int jalaliYear, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? CreateCounterPostgreSql : CreateCounterSql, [provinceId, jalaliYear], cancellationToken);
        }
        catch (DbException)
        {
            // On SQL Server two first letters of a year can both pass NOT EXISTS; the second INSERT then breaks the
            // primary key, and the counter it wanted is there. Anything else is a real error.
            var exists = await db.LetterSequences.AsNoTracking().AnyAsync(s => s.ProvinceId == provinceId && s.JalaliYear == jalaliYear, cancellationToken);
            if (!exists)
            {
                throw;
            }
        }
    }
}

/// <summary>The confirmed certificate as it stands today (it may have been revoked, or have expired, since the letter).</summary>
public sealed record LiveCertificate(string Number, StandingKind Standing, string VerificationCode)
{
    public string StandingTitle => CertificateDisclosure.StandingTitle(Standing);
}

/// <summary>What <c>/letters/verify/{code}</c> shows.</summary>
public sealed record AnswerLetterVerification(AnswerLetter Letter, string ProvinceName, LiveCertificate? Certificate);
