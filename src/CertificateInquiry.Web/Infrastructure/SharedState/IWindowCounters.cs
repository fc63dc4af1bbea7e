namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>Makes the window counters of the forms: in this process's memory, or in Redis when one is configured (ADR-037).</summary>
public interface IWindowCounters
{
    /// <summary>A counter named <paramref name="name"/> (part of its Redis keys: short, fixed, no personal data).</summary>
    IWindowCounter Create(string name, TimeSpan window);
}
