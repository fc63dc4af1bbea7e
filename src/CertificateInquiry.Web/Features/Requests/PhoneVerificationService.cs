using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests;

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

    /// <summary>The SMS provider did not take the message (the send is not counted); try again later.</summary>
    public sealed record NotSent : SendCodeResult;
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
/// Proves that the applicant holds the request's mobile number with a six-digit code sent by SMS. The code
/// comes from a cryptographic random source and is stored only as an HMAC; it goes straight to
/// <see cref="ISmsSender"/>, not through the outbox, because it must arrive now and must never sit in a table.
/// Limits per request and number: <see cref="PhoneVerificationOptions"/>. Counters change by conditional
/// UPDATEs, so parallel requests cannot guess more often or send more codes than allowed.
/// </summary>
public sealed class PhoneVerificationService(
    AppDbContext db,
    ISmsSender sms,
    PhoneCodeKey key,
    TimeProvider clock,
    IOptions<PhoneVerificationOptions> options,
    ILogger<PhoneVerificationService> logger)
{
    public const int CodeLength = 6;

    /// <summary>The SMS text for a code.</summary>
    public static string MessageText(string code) => "کد تأیید استعلام گواهینامه: " + code + " — این کد را به کسی ندهید.";

    /// <summary>
    /// Sends a new code to <see cref="InquiryRequest.Mobile"/> (a saved request). The code's hash is saved before
    /// the SMS goes out, with whatever else the context holds.
    /// </summary>
    public async Task<SendCodeResult> SendCodeAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        var mobile = MobileOf(request);
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await LatestAsync(request.Id, mobile, cancellationToken);
        if (existing is not null)
        {
            if (existing.SendCount >= settings.MaxSends)
            {
                return new SendCodeResult.TooManySends();
            }

            var resendAt = existing.SentAtUtc + settings.ResendAfter;
            if (now < resendAt)
            {
                return new SendCodeResult.TooSoon(resendAt - now);
            }
        }

        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var sendNumber = (existing?.SendCount ?? 0) + 1;
        var expiresAt = now + settings.CodeLifetime;
        var hash = Hash(request.Id, mobile, code);
        long verificationId;
        if (existing is null)
        {
            var verification = new PhoneVerification
            {
                RequestId = request.Id,
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
                return new SendCodeResult.TooSoon(settings.ResendAfter);
            }

            verificationId = existing.Id;
        }

        try
        {
            await sms.SendAsync(
                new SmsMessage(IdempotencyKeys.PhoneVerification(verificationId, sendNumber, now), mobile, MessageText(code)),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The person did not get a code through no fault of theirs: the send is not counted. The new hash stays,
            // in case the provider delivered it after all.
            logger.LogWarning(exception, "The one-time code for request {RequestId} could not be sent", request.Id);
            await db.PhoneVerifications
                .Where(v => v.Id == verificationId && v.SendCount == sendNumber)
                .ExecuteUpdateAsync(update => update.SetProperty(v => v.SendCount, sendNumber - 1), CancellationToken.None);
            return new SendCodeResult.NotSent();
        }

        logger.LogInformation("One-time code {SendNumber} sent for request {RequestId}", sendNumber, request.Id);
        return new SendCodeResult.Sent(expiresAt, settings.MaxSends - sendNumber);
    }

    /// <summary>
    /// Checks a typed code (Persian, Arabic or Latin digits, spaces ignored) against the last code sent to the
    /// request's current number. On success sets <see cref="InquiryRequest.MobileConfirmedAtUtc"/>, which the
    /// caller saves; the attempt count is saved here at once, whatever the caller does.
    /// </summary>
    public async Task<ConfirmCodeResult> ConfirmAsync(InquiryRequest request, string typedCode, CancellationToken cancellationToken)
    {
        var mobile = MobileOf(request);
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var verification = await LatestAsync(request.Id, mobile, cancellationToken);
        if (verification is null)
        {
            return new ConfirmCodeResult.Expired();
        }

        if (verification.ConfirmedAtUtc is { } confirmedAt)
        {
            request.MobileConfirmedAtUtc ??= confirmedAt;
            return new ConfirmCodeResult.Confirmed();
        }

        if (verification.FailedAttempts >= settings.MaxAttempts)
        {
            return new ConfirmCodeResult.TooManyAttempts();
        }

        if (now >= verification.ExpiresAtUtc)
        {
            return new ConfirmCodeResult.Expired();
        }

        var code = PersianText.NormalizeCode(typedCode);
        if (code.Length != CodeLength || !code.All(char.IsAsciiDigit))
        {
            // Cannot be the code (a digit missing, a letter): not counted, the form says what is wrong.
            return new ConfirmCodeResult.Wrong(settings.MaxAttempts - verification.FailedAttempts);
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
            var current = await LatestAsync(request.Id, mobile, CancellationToken.None);
            return current switch
            {
                { ConfirmedAtUtc: not null } when current.SendCount == sendCountRead => Confirm(request, current.ConfirmedAtUtc.Value),
                { FailedAttempts: var failed } when failed >= settings.MaxAttempts => new ConfirmCodeResult.TooManyAttempts(),
                _ => new ConfirmCodeResult.Expired(),
            };
        }

        var expected = Convert.FromHexString(verification.CodeHash);
        var typed = Convert.FromHexString(Hash(request.Id, mobile, code));
        if (CryptographicOperations.FixedTimeEquals(expected, typed))
        {
            await db.PhoneVerifications
                .Where(v => v.Id == verification.Id)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(v => v.ConfirmedAtUtc, now)
                        .SetProperty(v => v.FailedAttempts, v => v.FailedAttempts - 1),
                    CancellationToken.None);
            logger.LogInformation("Mobile number confirmed for request {RequestId}", request.Id);
            return Confirm(request, now);
        }

        var failedAttempts = await db.PhoneVerifications.AsNoTracking()
            .Where(v => v.Id == verification.Id)
            .Select(v => v.FailedAttempts)
            .SingleAsync(CancellationToken.None);
        var remaining = settings.MaxAttempts - failedAttempts;
        logger.LogInformation("Wrong one-time code for request {RequestId}; {Remaining} attempts left", request.Id, remaining);
        return remaining > 0 ? new ConfirmCodeResult.Wrong(remaining) : new ConfirmCodeResult.TooManyAttempts();
    }

    private static ConfirmCodeResult.Confirmed Confirm(InquiryRequest request, DateTime confirmedAtUtc)
    {
        request.MobileConfirmedAtUtc = confirmedAtUtc;
        return new ConfirmCodeResult.Confirmed();
    }

    private static string MobileOf(InquiryRequest request)
    {
        if (request.Id == 0 || string.IsNullOrEmpty(request.Mobile))
        {
            throw new InvalidOperationException("A code is sent only for a saved request with a mobile number.");
        }

        return request.Mobile;
    }

    /// <summary>The one row per request and number (a changed number starts again with its own row and counters).</summary>
    private Task<PhoneVerification?> LatestAsync(long requestId, string mobile, CancellationToken cancellationToken) =>
        db.PhoneVerifications.AsNoTracking()
            .Where(v => v.RequestId == requestId && v.Mobile == mobile)
            .OrderByDescending(v => v.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>HMAC-SHA-256 over the request, number and code: a stored hash says nothing without the key.</summary>
    private string Hash(long requestId, string mobile, string code)
    {
        var input = string.Create(CultureInfo.InvariantCulture, $"{requestId}|{mobile}|{code}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(input)));
    }
}
