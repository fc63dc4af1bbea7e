using System.Globalization;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The API's words for the portal's values: stable, lower-case, snake_case, documented in the OpenAPI document.</summary>
public static class AgencyWireNames
{
    public const string Verified = "verified";
    public const string NotFound = "not_found";
    public const string Invalid = "invalid";

    public static string Of(NameMatch match) => match switch
    {
        NameMatch.Match => "match",
        NameMatch.Mismatch => "mismatch",
        _ => "not_supplied",
    };

    public static string Of(StandingKind standing) => standing switch
    {
        StandingKind.Revoked => "revoked",
        StandingKind.Expired => "expired",
        _ => "valid",
    };

    public static string Of(CertificateKind kind) => kind == CertificateKind.License ? "license" : "certificate";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Jalali(DateOnly date) => JalaliDate.Format(date);

    public static CertificateAnswer Answer(CertificateFacts facts) => new(
        facts.CertificateNumber,
        Of(facts.Kind),
        Of(facts.Status),
        facts.StandardTitle,
        facts.StandardCode,
        facts.StandardHours,
        Iso(facts.ExamDate),
        Jalali(facts.ExamDate),
        Iso(facts.IssueDate),
        Jalali(facts.IssueDate),
        facts.ExpiryDate is { } expiry ? Iso(expiry) : null,
        facts.ExpiryDate is { } expiryDate ? Jalali(expiryDate) : null,
        facts.Province,
        facts.IssuingOffice);
}
