using System.Globalization;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Hosting;

/// <summary>Names a lease holder in the database: the server, the process and a random part, so two workers never share one.</summary>
public static class LeaseOwner
{
    public static string NewName()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
        return name.Length <= JobLease.OwnerLength ? name : name[^JobLease.OwnerLength..];
    }
}
