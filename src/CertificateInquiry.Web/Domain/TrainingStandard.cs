namespace CertificateInquiry.Web.Domain;

/// <summary>A training standard (استاندارد آموزشی): the trade a certificate is earned in.</summary>
public class TrainingStandard
{
    public int Id { get; set; }

    /// <summary>TVTO's code for the standard, unique.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public int Hours { get; set; }

    /// <summary>The trade needs a prerequisite certificate or a related higher-education degree (مدرک پیش‌نیاز).</summary>
    public bool RequiresPrerequisite { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
