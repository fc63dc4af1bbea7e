namespace CertificateInquiry.Web.Infrastructure.OutsideServices;

/// <summary>
/// <c>Portal:StagingCopy</c>: this Production-mode server is a staging copy (a rehearsal, a benchmark), which may run
/// the log SMS sender and the sandbox gateway that a server applicants use refuses (ADR-031).
/// </summary>
public static class StagingCopy
{
    public const string Setting = "Portal:StagingCopy";

    public static bool Is(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
