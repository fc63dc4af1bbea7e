using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>
/// Base of every agency portal controller (routes under /agency): a member of an agency in good standing only
/// (anonymous actions say so with [AllowAnonymous]), never cached. Someone whose password an administrator made must
/// change it first, and everyone must set up an authenticator app before any other page (global filters registered by
/// <c>AddAgencyPortal</c>). What the agency may do comes from <see cref="AgencyPortalMember"/>.
/// </summary>
[Authorize(Policy = AgencyPortalPolicies.Member)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AgencyPortalController : Controller;
