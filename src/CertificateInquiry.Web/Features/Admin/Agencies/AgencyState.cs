namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>Whether an agency's credentials work today: the list and the agency's page show it.</summary>
public enum AgencyState
{
    Active,
    Suspended,
    Expired,
}
