using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff;

/// <summary>
/// Base of every back-office controller: a signed-in member of staff only (anonymous actions say so with
/// [AllowAnonymous]), never cached. Someone whose password an admin set is sent to change it by the global
/// <see cref="RequirePasswordChangeFilter"/>, and a national admin or provincial manager without two-factor sign-in to
/// set it up by <see cref="RequireTwoFactorEnrolmentFilter"/>. Province scoping is each feature's job, through <see cref="StaffScope"/>.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class StaffController : Controller;
