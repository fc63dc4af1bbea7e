namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>The portal's own claims in an agency's access token.</summary>
public static class AgencyClaims
{
    /// <summary>The agency's row id: what every API request checks the standing of.</summary>
    public const string AgencyId = "agency_id";
}
