using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>The filters of the users list, from the query string.</summary>
public sealed class StaffUserListQuery
{
    public int? Province { get; set; }

    public string? Role { get; set; }

    /// <summary>Part of a name or an e-mail address.</summary>
    public string? Q { get; set; }

    /// <summary>As typed in the address; <c>Paging.ParsePage</c> reads it.</summary>
    public string? Page { get; set; }

    public void Normalize()
    {
        Q = PersianText.Normalize(Q);
        Role = StaffRoles.Find(Role);
        if (Province is < 1 || Province > Domain.Province.AllNames.Count)
        {
            Province = null;
        }
    }
}
