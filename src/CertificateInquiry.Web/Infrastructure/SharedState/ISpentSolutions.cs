namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// The CAPTCHA solutions accepted once, by their challenge's signature, with a hash of the form they were spent on,
/// until their challenge expires (an expired one is refused anyway).
/// </summary>
public interface ISpentSolutions
{
    /// <summary>Spends the solution signed <paramref name="signature"/> on <paramref name="formHash"/>, atomically across racing requests.</summary>
    Task<SpendOutcome> TrySpendAsync(string signature, DateTimeOffset expiresAt, string? formHash);
}
