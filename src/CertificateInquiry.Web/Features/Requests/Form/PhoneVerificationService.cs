using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>The <c>PhoneVerification</c> settings section.</summary>
public sealed class PhoneVerificationOptions
{
    public const string Section = "PhoneVerification";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Codes typed for one sent code before it stops working (a new code starts over).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Codes sent for one request and mobile number.</summary>
    public int MaxSends { get; set; } = 3;

    /// <summary>The wait before another code may be sent to the same number.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Different mobile numbers one request may send codes to (counted in the database).</summary>
    public int MaxNumbersPerRequest { get; set; } = 3;

    /// <summary>Codes one mobile number may receive per <see cref="NumberWindow"/>, whatever the request (counted in the database).</summary>
    public int MaxSendsPerNumber { get; set; } = 5;

    public TimeSpan NumberWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Drafts one client address may start per <see cref="ClientWindow"/> (counted by each server in memory).</summary>
    public int MaxDraftsPerClient { get; set; } = 20;

    /// <summary>Codes one client address may have sent per <see cref="ClientWindow"/> (each server in memory).</summary>
    public int MaxSendsPerClient { get; set; } = 30;

    /// <summary>Codes one client address may have sent per <see cref="ClientWindow"/> before each further one needs the CAPTCHA (0: always).</summary>
    public int FreeSendsPerClient { get; set; } = 3;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromHours(1);

    internal bool LimitsAreValid =>
        MaxNumbersPerRequest > 0 && MaxSendsPerNumber > 0 && NumberWindow > TimeSpan.Zero && MaxDraftsPerClient > 0
        && MaxSendsPerClient > 0 && FreeSendsPerClient >= 0 && ClientWindow > TimeSpan.Zero && ResendAfter >= TimeSpan.Zero;
}

/// <summary>What <see cref="PhoneVerificationService.SendCodeAsync"/> did.</summary>
public abstract record SendCodeResult
{
    private SendCodeResult()
    {
    }

    /// <summary>A new code is on its way; it works until <paramref name="ExpiresAtUtc"/>.</summary>
    public sealed record Sent(DateTime ExpiresAtUtc, int SendsLeft) : SendCodeResult;

    /// <summary>A code was sent a moment ago: another may be asked for after <paramref name="Wait"/>.</summary>
    public sealed record TooSoon(TimeSpan Wait) : SendCodeResult;

    /// <summary>Every code allowed for this number has been sent; another number, or staff, can help.</summary>
    public sealed record TooManySends : SendCodeResult;

    /// <summary>The request has already sent codes to <paramref name="Limit"/> different numbers: one of those must do.</summary>
    public sealed record TooManyNumbers(int Limit) : SendCodeResult;

    /// <summary>The number has had its codes for the window, from whatever requests; the next may go after <paramref name="Wait"/>.</summary>
    public sealed record NumberResting(TimeSpan Wait) : SendCodeResult;

    /// <summary>The SMS provider did not take the message (the send is not counted); try again later.</summary>
    public sealed record NotSent : SendCodeResult;

    /// <summary>Shahkar says the number is not registered to the applicant's national code: no code is sent.</summary>
    public sealed record NotTheHoldersMobile : SendCodeResult;

    /// <summary>The number's owner could not be checked (Shahkar away) where a code may go only to a confirmed owner (a holder's sign-in).</summary>
    public sealed record OwnerNotChecked : SendCodeResult;
}

/// <summary>What <see cref="PhoneVerificationService.ConfirmAsync"/> found.</summary>
public abstract record ConfirmCodeResult
{
    private ConfirmCodeResult()
    {
    }

    /// <summary>The number is confirmed; <see cref="InquiryRequest.MobileConfirmedAtUtc"/> is set.</summary>
    public sealed record Confirmed : ConfirmCodeResult;

    /// <summary>Not the code; <paramref name="RemainingAttempts"/> more may be tried (at least one).</summary>
    public sealed record Wrong(int RemainingAttempts) : ConfirmCodeResult;

    /// <summary>The code's time is up, or no code was sent to the request's current number: ask for a new one.</summary>
    public sealed record Expired : ConfirmCodeResult;

    /// <summary>Too many wrong codes: ask for a new one.</summary>
    public sealed record TooManyAttempts : ConfirmCodeResult;
}

/// <summary>
/// The key for the codes' HMAC (<c>Verification:CodeKey</c>), read once: without it every process makes its own,
/// which is fine on one machine and wrong behind a load balancer (a code sent by one server fails on another).
/// </summary>
public sealed class PhoneCodeKey
{
    public PhoneCodeKey(IConfiguration configuration, ILogger<PhoneCodeKey> logger)
    {
        var key = configuration["Verification:CodeKey"];
        if (string.IsNullOrEmpty(key))
        {
            logger.LogWarning("Verification:CodeKey is not set; one-time codes are hashed with a key that lives only in this process");
            Bytes = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            Bytes = Encoding.UTF8.GetBytes(key);
        }
    }

    internal byte[] Bytes { get; }
}

/// <summary>
/// Proves that a person holds a mobile number with a six-digit code sent by SMS: the applicant of a request (the
/// request form), or a holder signing in to their own area (<see cref="SendSignInCodeAsync"/>, docs/decisions/ADR-032).
/// The code comes from a cryptographic random source and is stored only as an HMAC; it goes straight to
/// <see cref="ISmsSender"/>, not through the outbox, because it must arrive now and must never sit in a table.
/// Limits per subject and number, per request (how many numbers) and per number whatever the subject (how many codes
/// an hour): <see cref="PhoneVerificationOptions"/>, all counted in the database, so they hold across servers. Counters
/// change by conditional UPDATEs and a send claims its place in the number's series under a unique index
/// (<see cref="SmsNumberSeries"/>), so parallel requests cannot guess more often or send more codes than allowed.
/// Limits per client address are the caller's (<see cref="SmsSendGate"/>). Every refusal is logged in one line with the
/// number masked.
/// </summary>
public sealed class PhoneVerificationService(
    AppDbContext db,
    ISmsSender sms,
    PhoneCodeKey key,
    SmsNumberSeries numberSeries,
    TimeProvider clock,
    IOptions<PhoneVerificationOptions> options,
    ILogger<PhoneVerificationService> logger,
    IMobileOwnerCheck? mobileOwners = null)
{
    public const int CodeLength = 6;

    /// <summary>A code's lifetime as the pages say it, in Persian digits: «۲ دقیقه», «۹۰ ثانیه», «۱ دقیقه و ۳۰ ثانیه».</summary>
    public static string LifetimeText(TimeSpan lifetime)
    {
        var seconds = (long)Math.Ceiling(lifetime.TotalSeconds);
        var (minutes, rest) = (seconds / 60, seconds % 60);
        return (minutes, rest) switch
        {
            (0, _) => PersianText.ToPersianDigits(rest) + " ثانیه",
            (_, 0) => PersianText.ToPersianDigits(minutes) + " دقیقه",
            _ => PersianText.ToPersianDigits(minutes) + " دقیقه و " + PersianText.ToPersianDigits(rest) + " ثانیه",
        };
    }

    /// <summary>The SMS text for a code.</summary>
    public static string MessageText(string code) => "کد تأیید استعلام گواهینامه: " + code + " — این کد را به کسی ندهید.";

    /// <summary>Whose code a row is: a request's (<paramref name="RequestId"/>) or a holder's sign-in (<paramref name="HolderKey"/>, a keyed hash of their identifier).</summary>
    private readonly record struct CodeSubject(long? RequestId, string? HolderKey)
    {
        public bool IsSignIn => RequestId is null;

        /// <summary>The subject's part of the code's HMAC input (a request's is its id, as it always was).</summary>
        public string HashPrefix => RequestId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "holder:" + HolderKey;
    }

    /// <summary>What the shared send did, for the caller's log line.</summary>
    private readonly record struct SendOutcome(SendCodeResult Result, int SendNumber = 0, Exception? Failure = null);

    /// <summary>
    /// Sends a new code to <see cref="InquiryRequest.Mobile"/> (a saved request). The code's hash is saved before
    /// the SMS goes out, with whatever else the context holds.
    /// </summary>
    public async Task<SendCodeResult> SendCodeAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        var mobile = MobileOf(request);
        var outcome = await TrySendCodeAsync(
            new CodeSubject(request.Id, null), mobile, token => CheckOwnerAsync(request, mobile, token), cancellationToken);
        if (outcome.Failure is { } failure)
        {
            logger.CodeSendFailed(failure, request.Id);
        }

        if (outcome.Result is SendCodeResult.Sent)
        {
            logger.CodeSent(outcome.SendNumber, request.Id);
        }
        else
        {
            logger.CodeNotSent(request.Id, Redaction.MobileForLog(request.Mobile ?? ""), outcome.Result);
        }

        return outcome.Result;
    }

    /// <summary>
    /// Sends a sign-in code for a holder (<paramref name="holderKey"/>: the keyed hash of their identifier) to
    /// <paramref name="mobile"/>, under the same limits as the request form's codes. <paramref name="checkOwner"/> runs
    /// after the number's place is claimed (so a refused number still counts against the caps) and may refuse.
    /// A confirmed code, or one sent longer ago than <see cref="PhoneVerificationOptions.NumberWindow"/>, starts a new
    /// series: each sign-in has its own three codes. The caller logs the outcome.
    /// </summary>
    public async Task<(SendCodeResult Result, Exception? Failure)> SendSignInCodeAsync(
        string holderKey, string mobile, Func<CancellationToken, Task<SendCodeResult?>> checkOwner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(holderKey);
        var outcome = await TrySendCodeAsync(new CodeSubject(null, holderKey), mobile, checkOwner, cancellationToken);
        return (outcome.Result, outcome.Failure);
    }

    private async Task<SendOutcome> TrySendCodeAsync(
        CodeSubject subject, string mobile, Func<CancellationToken, Task<SendCodeResult?>> checkOwner, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await LatestAsync(subject, mobile, cancellationToken);
        if (subject.IsSignIn && existing is not null && (existing.ConfirmedAtUtc is not null || existing.SentAtUtc <= now - settings.NumberWindow))
        {
            // A sign-in that was used, or is long past: the next one starts its own series.
            existing = null;
        }

        if (existing is not null)
        {
            if (existing.SendCount >= settings.MaxSends)
            {
                return new(new SendCodeResult.TooManySends());
            }

            var resendAt = existing.SentAtUtc + settings.ResendAfter;
            if (now < resendAt)
            {
                return new(new SendCodeResult.TooSoon(resendAt - now));
            }
        }
        else if (subject.RequestId is { } requestId && await NumbersUsedAsync(requestId, cancellationToken) >= settings.MaxNumbersPerRequest)
        {
            return new(new SendCodeResult.TooManyNumbers(settings.MaxNumbersPerRequest));
        }

        // The number's place in its series of sends (the per-number cap, whatever the subject); given back below if
        // this send goes no further.
        var claim = await numberSeries.ClaimAsync(mobile, subject.RequestId, now, cancellationToken);
        if (claim.Refusal is { } resting)
        {
            return new(resting);
        }

        // The owner's check after the claim: a number that is not the person's keeps its place in the caps, so the
        // form cannot be used to ask Shahkar about number after number.
        if (await checkOwner(cancellationToken) is { } notTheirs)
        {
            return new(notTheirs);
        }

        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var sendNumber = (existing?.SendCount ?? 0) + 1;
        var expiresAt = now + settings.CodeLifetime;
        var hash = Hash(subject, mobile, code);
        long verificationId;
        if (existing is null)
        {
            if (subject.RequestId is { } requestId)
            {
                // A new number for this request: only if the request has a number left, counted atomically.
                var maxNumbers = settings.MaxNumbersPerRequest;
                var counted = await db.Requests
                    .Where(r => r.Id == requestId && r.MobileNumbersUsed < maxNumbers)
                    .ExecuteUpdateAsync(update => update.SetProperty(r => r.MobileNumbersUsed, r => r.MobileNumbersUsed + 1), cancellationToken);
                if (counted == 0)
                {
                    await numberSeries.ReleaseAsync(claim.SendId);
                    return new(new SendCodeResult.TooManyNumbers(maxNumbers));
                }
            }

            var verification = new PhoneVerification
            {
                RequestId = subject.RequestId,
                HolderKey = subject.HolderKey,
                Mobile = mobile,
                CodeHash = hash,
                SentAtUtc = now,
                ExpiresAtUtc = expiresAt,
                SendCount = sendNumber,
            };
            db.PhoneVerifications.Add(verification);
            await db.SaveChangesAsync(cancellationToken);
            verificationId = verification.Id;
        }
        else
        {
            // Only if nobody sent a code since it was read: two clicks send one code.
            var sendCountRead = existing.SendCount;
            var sentAtRead = existing.SentAtUtc;
            var replaced = await db.PhoneVerifications
                .Where(v => v.Id == existing.Id && v.SendCount == sendCountRead && v.SentAtUtc == sentAtRead)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(v => v.CodeHash, hash)
                        .SetProperty(v => v.SentAtUtc, now)
                        .SetProperty(v => v.ExpiresAtUtc, expiresAt)
                        .SetProperty(v => v.SendCount, sendNumber)
                        .SetProperty(v => v.FailedAttempts, 0)
                        .SetProperty(v => v.ConfirmedAtUtc, (DateTime?)null),
                    cancellationToken);
            if (replaced == 0)
            {
                await numberSeries.ReleaseAsync(claim.SendId);
                return new(new SendCodeResult.TooSoon(settings.ResendAfter));
            }

            verificationId = existing.Id;
        }

        try
        {
            await sms.SendAsync(
                new SmsMessage(IdempotencyKeys.PhoneVerification(verificationId, sendNumber, now), mobile, MessageText(code), OneTimeCode: code),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The person did not get a code through no fault of theirs: the send is not counted. The new hash stays,
            // in case the provider delivered it after all.
            await db.PhoneVerifications
                .Where(v => v.Id == verificationId && v.SendCount == sendNumber)
                .ExecuteUpdateAsync(update => update.SetProperty(v => v.SendCount, sendNumber - 1), CancellationToken.None);
            await numberSeries.ReleaseAsync(claim.SendId);
            return new(new SendCodeResult.NotSent(), Failure: exception);
        }

        return new(new SendCodeResult.Sent(expiresAt, settings.MaxSends - sendNumber), sendNumber);
    }

    /// <summary>
    /// Asks Shahkar whether the holder's national code owns <paramref name="mobile"/> (not for an organization's
    /// contact number) and records the answer on the request; a refusal when it does not. Shahkar being away lets the
    /// code go, and staff see "not confirmed".
    /// </summary>
    private async Task<SendCodeResult?> CheckOwnerAsync(InquiryRequest request, string mobile, CancellationToken cancellationToken)
    {
        // Shahkar knows Iranian national codes only: a foreign national's mobile is not asked about (ADR-033).
        if (mobileOwners is null || request.RequesterKind != RequesterKind.Holder || request.IsForeignNational
            || request.NationalCode is not { } nationalCode || !NationalCode.IsValid(nationalCode))
        {
            return null;
        }

        var answer = await mobileOwners.CheckAsync(nationalCode, mobile, cancellationToken);
        if (answer == MobileOwnerAnswer.NotRegistered)
        {
            logger.MobileNotTheHolders(request.Id);
            return new SendCodeResult.NotTheHoldersMobile();
        }

        var ownership = answer == MobileOwnerAnswer.Registered ? MobileOwnership.Confirmed : MobileOwnership.NotConfirmed;
        await db.Requests.Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(update => update.SetProperty(r => r.MobileOwnership, ownership), cancellationToken);
        request.MobileOwnership = ownership;
        return null;
    }

    private Task<int> NumbersUsedAsync(long requestId, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.MobileNumbersUsed).SingleAsync(cancellationToken);

    /// <summary>
    /// Checks a typed code (Persian, Arabic or Latin digits, spaces ignored) against the last code sent to the
    /// request's current number. On success sets <see cref="InquiryRequest.MobileConfirmedAtUtc"/>, which the
    /// caller saves; the attempt count is saved here at once, whatever the caller does.
    /// </summary>
    public async Task<ConfirmCodeResult> ConfirmAsync(InquiryRequest request, string typedCode, CancellationToken cancellationToken)
    {
        var (result, confirmedAt, compared) = await TryConfirmAsync(new CodeSubject(request.Id, null), MobileOf(request), typedCode, cancellationToken);
        if (result is ConfirmCodeResult.Confirmed)
        {
            request.MobileConfirmedAtUtc ??= confirmedAt;
        }

        if (compared)
        {
            if (result is ConfirmCodeResult.Confirmed)
            {
                logger.MobileConfirmed(request.Id);
            }
            else
            {
                logger.WrongCode(request.Id, result is ConfirmCodeResult.Wrong wrong ? wrong.RemainingAttempts : 0);
            }
        }

        return result;
    }

    /// <summary>
    /// Checks a holder's sign-in code for <paramref name="mobile"/>. Unlike a request's, a sign-in code works once: a
    /// second use (another tab, a replay) finds it spent and gets <see cref="ConfirmCodeResult.Expired"/>. The caller logs.
    /// </summary>
    public async Task<ConfirmCodeResult> ConfirmSignInCodeAsync(string holderKey, string mobile, string typedCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(holderKey);
        var (result, _, _) = await TryConfirmAsync(new CodeSubject(null, holderKey), mobile, typedCode, cancellationToken);
        return result;
    }

    /// <summary>The result, when the code was confirmed, and whether a typed code was compared (the caller logs those).</summary>
    private async Task<(ConfirmCodeResult Result, DateTime? ConfirmedAtUtc, bool Compared)> TryConfirmAsync(
        CodeSubject subject, string mobile, string typedCode, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var verification = await LatestAsync(subject, mobile, cancellationToken);
        if (verification is null)
        {
            return (new ConfirmCodeResult.Expired(), null, false);
        }

        if (verification.ConfirmedAtUtc is { } confirmedAt)
        {
            return subject.IsSignIn ? (new ConfirmCodeResult.Expired(), null, false) : (new ConfirmCodeResult.Confirmed(), confirmedAt, false);
        }

        if (verification.FailedAttempts >= settings.MaxAttempts)
        {
            return (new ConfirmCodeResult.TooManyAttempts(), null, false);
        }

        if (now >= verification.ExpiresAtUtc)
        {
            return (new ConfirmCodeResult.Expired(), null, false);
        }

        var code = PersianText.NormalizeCode(typedCode);
        if (code.Length != CodeLength || !code.All(char.IsAsciiDigit))
        {
            // Cannot be the code (a digit missing, a letter): not counted, the form says what is wrong.
            return (new ConfirmCodeResult.Wrong(settings.MaxAttempts - verification.FailedAttempts), null, false);
        }

        // The attempt is counted before the comparison, atomically: twenty guesses sent at once still count as twenty.
        var sendCountRead = verification.SendCount;
        var counted = await db.PhoneVerifications
            .Where(v => v.Id == verification.Id && v.SendCount == sendCountRead && v.ConfirmedAtUtc == null
                && v.FailedAttempts < settings.MaxAttempts)
            .ExecuteUpdateAsync(update => update.SetProperty(v => v.FailedAttempts, v => v.FailedAttempts + 1), CancellationToken.None);
        if (counted == 0)
        {
            // Another attempt or a new code got there first: judge again on what is stored now.
            var current = await LatestAsync(subject, mobile, CancellationToken.None);
            return current switch
            {
                { ConfirmedAtUtc: not null } when current.SendCount == sendCountRead && !subject.IsSignIn =>
                    (new ConfirmCodeResult.Confirmed(), current.ConfirmedAtUtc, false),
                { FailedAttempts: var failed } when failed >= settings.MaxAttempts => (new ConfirmCodeResult.TooManyAttempts(), null, false),
                _ => (new ConfirmCodeResult.Expired(), null, false),
            };
        }

        var expected = Convert.FromHexString(verification.CodeHash);
        var typed = Convert.FromHexString(Hash(subject, mobile, code));
        if (CryptographicOperations.FixedTimeEquals(expected, typed))
        {
            // Only if still unconfirmed: of two tabs sending the right sign-in code at once, one signs in.
            var confirmed = await db.PhoneVerifications
                .Where(v => v.Id == verification.Id && v.ConfirmedAtUtc == null)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(v => v.ConfirmedAtUtc, now)
                        .SetProperty(v => v.FailedAttempts, v => v.FailedAttempts - 1),
                    CancellationToken.None);
            return confirmed == 1 || !subject.IsSignIn ? (new ConfirmCodeResult.Confirmed(), now, true) : (new ConfirmCodeResult.Expired(), null, false);
        }

        var failedAttempts = await db.PhoneVerifications.AsNoTracking()
            .Where(v => v.Id == verification.Id)
            .Select(v => v.FailedAttempts)
            .SingleAsync(CancellationToken.None);
        var remaining = settings.MaxAttempts - failedAttempts;
        return (remaining > 0 ? new ConfirmCodeResult.Wrong(remaining) : new ConfirmCodeResult.TooManyAttempts(), null, true);
    }

    private static string MobileOf(InquiryRequest request)
    {
        if (request.Id == 0 || string.IsNullOrEmpty(request.Mobile))
        {
            throw new InvalidOperationException("A code is sent only for a saved request with a mobile number.");
        }

        return request.Mobile;
    }

    /// <summary>The one row per request and number (a changed number starts again with its own row and counters); a holder's latest sign-in row.</summary>
    private Task<PhoneVerification?> LatestAsync(CodeSubject subject, string mobile, CancellationToken cancellationToken)
    {
        var rows = db.PhoneVerifications.AsNoTracking().Where(v => v.Mobile == mobile);
        if (subject.RequestId is { } requestId)
        {
            rows = rows.Where(v => v.RequestId == requestId);
        }
        else
        {
            var holderKey = subject.HolderKey;
            rows = rows.Where(v => v.RequestId == null && v.HolderKey == holderKey);
        }

        return rows.OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>HMAC-SHA-256 over the subject, number and code: a stored hash says nothing without the key.</summary>
    private string Hash(CodeSubject subject, string mobile, string code)
    {
        var input = string.Create(CultureInfo.InvariantCulture, $"{subject.HashPrefix}|{mobile}|{code}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(input)));
    }
}
