namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>Recipients as logs may show them at Information level: enough to tell two apart, not to reach anyone.</summary>
public static class Redaction
{
    /// <summary>09121234567 → 0912*****67.</summary>
    public static string Mobile(string mobile) =>
        mobile.Length <= 6 ? new string('*', mobile.Length) : string.Concat(mobile.AsSpan(0, 4), new string('*', mobile.Length - 6), mobile.AsSpan(mobile.Length - 2));

    /// <summary>maryam.ahmadi@example.org → m***@example.org.</summary>
    public static string Email(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }
}
