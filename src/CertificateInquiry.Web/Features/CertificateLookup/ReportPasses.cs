using System.Security.Cryptography;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.DataProtection;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// The result page of a matching lookup posts the same keys to the report. Past the CAPTCHA threshold that post would
/// need a second solution for keys the person has just looked up; instead the report form carries a pass: the keys
/// and the client's address hash, encrypted and signed by Data Protection (shared by all servers), valid for
/// <see cref="Lifetime"/>. It opens the report for those keys from that client only, so it gives an automaton
/// nothing that the lookup had not already shown it. The report is still counted, audited and rate limited.
/// </summary>
public sealed class ReportPasses(IDataProtectionProvider dataProtection, InquiryAudit audit)
{
    public const string FieldName = "ReportPass";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("CertificateInquiry.ReportPass.v1").ToTimeLimitedDataProtector();

    public string Issue(HttpContext context, string certificateNumber, string nationalCode) =>
        protector.Protect(Bind(context, certificateNumber, nationalCode), Lifetime);

    /// <summary>True for an unexpired pass issued to this client for exactly these (normalized) keys.</summary>
    public bool IsValid(HttpContext context, string? pass, string? certificateNumber, string? nationalCode)
    {
        if (string.IsNullOrEmpty(pass) || string.IsNullOrEmpty(certificateNumber) || string.IsNullOrEmpty(nationalCode))
        {
            return false;
        }

        try
        {
            return protector.Unprotect(pass, out _) == Bind(context, certificateNumber, nationalCode);
        }
        catch (CryptographicException)
        {
            return false; // altered, expired, or from keys no longer held
        }
    }

    private string Bind(HttpContext context, string certificateNumber, string nationalCode) =>
        string.Join('\n', audit.HashClientAddress(context), certificateNumber, nationalCode);
}
