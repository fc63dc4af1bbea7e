using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// The holder's sign-in by a one-time code where the national sign-in is not configured (ADR-032): the request form's
/// codes (<see cref="PhoneVerificationService"/>, its limits, key and per-number cap; ADR-015), sent only to a mobile
/// that belongs to the holder: for a national code, Shahkar says so (and nothing goes while Shahkar cannot be asked);
/// for a foreign national, it is the confirmed mobile of one of their submitted requests. Without Shahkar a
/// development or test server skips the check (the page says so); any other server refuses this way of signing in.
/// </summary>
public sealed class MobileSignIn(
    PhoneVerificationService codes,
    AppDbContext db,
    InquiryAudit audit,
    IHostEnvironment environment,
    ILogger<MobileSignIn> logger,
    IMobileOwnerCheck? mobileOwners = null)
{
    /// <summary>Whether codes may be sent at all: with Shahkar, or on a development or test server.</summary>
    public bool Available => mobileOwners is not null || OwnershipNotCheckedHere;

    /// <summary>A development or test server without Shahkar: a national code's mobile is not checked (the page says so).</summary>
    public bool OwnershipNotCheckedHere => mobileOwners is null && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>The keyed hash that stands for the holder in the code's row and in the log.</summary>
    public string HolderKey(string identifier) => audit.HashNationalCode(identifier);

    public async Task<SendCodeResult> SendAsync(string identifier, string mobile, CancellationToken cancellationToken)
    {
        var holder = HolderKey(identifier);
        if (!Available)
        {
            logger.MobileSignInUnavailable();
            return new SendCodeResult.OwnerNotChecked();
        }

        var (result, failure) = await codes.SendSignInCodeAsync(holder, mobile, token => CheckOwnerAsync(identifier, mobile, holder, token), cancellationToken);
        if (failure is not null)
        {
            logger.CodeSendFailed(failure, holder);
        }

        if (result is SendCodeResult.Sent sent)
        {
            logger.CodeSent(holder, Redaction.MobileForLog(mobile), sent.SendsLeft);
        }
        else
        {
            logger.CodeNotSent(holder, Redaction.MobileForLog(mobile), result);
        }

        return result;
    }

    public async Task<ConfirmCodeResult> ConfirmAsync(string identifier, string mobile, string typedCode, CancellationToken cancellationToken)
    {
        var holder = HolderKey(identifier);
        var result = await codes.ConfirmSignInCodeAsync(holder, mobile, typedCode, cancellationToken);
        if (result is ConfirmCodeResult.Confirmed)
        {
            logger.SignedIn(holder, HolderSignInMethod.MobileCode);
        }
        else
        {
            logger.CodeRefused(holder, result);
        }

        return result;
    }

    private async Task<SendCodeResult?> CheckOwnerAsync(string identifier, string mobile, string holder, CancellationToken cancellationToken)
    {
        if (HolderIdentifier.IsForeign(identifier))
        {
            if (await RequestsWithMobile(db, identifier, mobile).AnyAsync(cancellationToken))
            {
                return null;
            }

            logger.MobileRefused(holder, "not the confirmed mobile of a submitted request of this foreign national");
            return new SendCodeResult.NotTheHoldersMobile();
        }

        if (mobileOwners is null)
        {
            return null; // a development or test server (Available): the page says the number is not checked
        }

        switch (await mobileOwners.CheckAsync(identifier, mobile, cancellationToken))
        {
            case MobileOwnerAnswer.Registered:
                return null;
            case MobileOwnerAnswer.NotRegistered:
                logger.MobileRefused(holder, "Shahkar: not registered to this national code");
                return new SendCodeResult.NotTheHoldersMobile();
            default:
                logger.MobileRefused(holder, "Shahkar could not be asked");
                return new SendCodeResult.OwnerNotChecked();
        }
    }

    /// <summary>
    /// A foreign national's requests that prove the mobile is theirs: submitted (paid, with documents) by the holder
    /// themself, the mobile confirmed by a code, and not rejected. When foreign identifiers get a column of their own
    /// (issue 14, item 1), this is the one query to change.
    /// </summary>
    public static IQueryable<InquiryRequest> RequestsWithMobile(AppDbContext db, string identifier, string mobile) =>
        db.Requests.AsNoTracking().Where(r =>
            r.NationalCode == identifier && r.Mobile == mobile && r.RequesterKind == RequesterKind.Holder
            && r.MobileConfirmedAtUtc != null && r.Status != RequestStatus.Draft && r.Outcome != AnswerOutcome.Rejected);
}
