namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>Authorization policy names; the policies are registered in <c>AddStaffAuthentication</c>.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in member of staff (every back-office page, through <c>StaffController</c>).</summary>
    public const string Staff = "staff";

    public const string NationalAdmin = "national-admin";

    /// <summary>National admins and provincial managers: the dashboard, approving answers.</summary>
    public const string Managers = "managers";

    /// <summary>Resource-based: the resource (a <see cref="ProvinceResource"/> or a request) is of a province the user may see.</summary>
    public const string ProvinceResource = "province-resource";
}
