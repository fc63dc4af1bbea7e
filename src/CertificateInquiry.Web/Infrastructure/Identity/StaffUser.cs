using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// A member of staff who signs in to the back-office. The e-mail address is also the user name. Lives here rather than
/// in Domain because it derives from ASP.NET Core Identity's user.
/// </summary>
public class StaffUser : IdentityUser
{
    /// <summary>The person's name in Persian, as it appears on pages and, later, under letters.</summary>
    public string FullName { get; set; } = "";

    /// <summary>Job title (سمت), printed under the signature of answer letters.</summary>
    public string Title { get; set; } = "";

    /// <summary>The province whose requests this person handles; null for national admins, who see every province.</summary>
    public int? ProvinceId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A deactivated user cannot sign in, and a session already open ends at the next security-stamp check.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The password was made or reset by an admin (or an operator): until the person chooses their own, every back-office
    /// page sends them to the change-password page.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// For a user of the agency portal (/agency): the agency they work for. Null for members of staff. An agency user
    /// has one of <see cref="AgencyRoles"/> and never a staff role, so neither side's pages open to the other.
    /// </summary>
    public int? AgencyClientId { get; set; }

    /// <summary>The 30-second time step of the last authenticator code accepted: that code, and older ones, are refused.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
