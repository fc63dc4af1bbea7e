using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>
/// The per-number cap on one-time codes (<see cref="PhoneVerificationOptions.MaxSendsPerNumber"/> per
/// <see cref="PhoneVerificationOptions.NumberWindow"/>), whatever asked for them: a request's applicant or a holder
/// signing in (ADR-015, ADR-032). Each send claims the next place in the number's series in <c>SmsCodeSends</c>.
/// </summary>
public sealed class SmsNumberSeries(AppDbContext db, IOptions<PhoneVerificationOptions> options)
{
    private const int MaxClaimAttempts = 5;

    /// <summary>A claimed place (<paramref name="SendId"/>), or why the number must rest.</summary>
    public readonly record struct Claim(long SendId, SendCodeResult? Refusal);

    /// <summary>
    /// Takes the next place in the number's series of sends if the send <see cref="PhoneVerificationOptions.MaxSendsPerNumber"/>
    /// places back is older than the window (a sliding window over the rows). The unique index on (number, place)
    /// makes two servers that read the same series at once store one claim; the other reads again.
    /// </summary>
    public async Task<Claim> ClaimAsync(string mobile, long? requestId, DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.SmsCodeSends.AsNoTracking()
                .Where(s => s.Mobile == mobile)
                .OrderByDescending(s => s.Sequence)
                .Select(s => (int?)s.Sequence)
                .FirstOrDefaultAsync(cancellationToken) ?? 0;
            var sequence = last + 1;
            var outOfWindow = sequence - settings.MaxSendsPerNumber;
            if (outOfWindow > 0)
            {
                var oldest = await db.SmsCodeSends.AsNoTracking()
                    .Where(s => s.Mobile == mobile && s.Sequence == outOfWindow)
                    .Select(s => (DateTime?)s.SentAtUtc)
                    .FirstOrDefaultAsync(cancellationToken);
                if (oldest is { } sentAt && sentAt > now - settings.NumberWindow)
                {
                    return new Claim(0, new SendCodeResult.NumberResting(sentAt + settings.NumberWindow - now));
                }
            }

            var send = new SmsCodeSend { Mobile = mobile, Sequence = sequence, RequestId = requestId, SentAtUtc = now };
            db.SmsCodeSends.Add(send);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxClaimAttempts)
            {
                // Another send took this place first (or the save failed otherwise: then the next attempt fails too).
                db.Entry(send).State = EntityState.Detached;
                continue;
            }

            db.Entry(send).State = EntityState.Detached;

            // Places that fell out of the window are of no further use.
            await db.SmsCodeSends.Where(s => s.Mobile == mobile && s.Sequence <= outOfWindow).ExecuteDeleteAsync(cancellationToken);
            return new Claim(send.Id, null);
        }
    }

    /// <summary>Gives back a claimed place when the code did not go out (a gap only makes the cap stricter, never looser).</summary>
    public Task ReleaseAsync(long sendId) =>
        db.SmsCodeSends.Where(s => s.Id == sendId).ExecuteDeleteAsync(CancellationToken.None);
}
