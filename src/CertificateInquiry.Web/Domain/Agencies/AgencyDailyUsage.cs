namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>The rows an agency has reserved against its quota on one day (Iran time): one row per agency and day.</summary>
public class AgencyDailyUsage
{
    public int AgencyClientId { get; set; }

    public DateOnly Day { get; set; }

    public int Rows { get; set; }
}
