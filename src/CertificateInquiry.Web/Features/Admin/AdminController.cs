using CertificateInquiry.Web.Features.Staff;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CertificateInquiry.Web.Features.Admin;

/// <summary>
/// Base of the administration pages (users, tariffs, the certificate import, revocations): national admins only.
/// Provincial staff are sent to the access-denied page (403): these pages hold no province's data, so there is
/// nothing to hide by answering 404. The staff policy, no-store and the two-factor rule come from
/// <see cref="StaffController"/> and its global filter.
/// </summary>
[Authorize(Policy = StaffPolicies.NationalAdmin)]
public abstract class AdminController : StaffController;
