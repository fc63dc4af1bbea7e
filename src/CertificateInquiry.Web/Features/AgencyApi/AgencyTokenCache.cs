using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The bearer tokens this server validated lately, each until it expires (five minutes at most): an agency sends the
/// same token with every request for its whole lifetime, and checking its signature and claims again each time cost
/// more than the inquiry itself (bench/README.md). Only a token OpenIddict accepted is kept, under its exact text;
/// nothing a token says is revoked before it expires (no token storage, ADR-023), and what can end sooner, the
/// agency's suspension, expiry and scopes, is checked on every request by <see cref="AgencyApiAccessAttribute"/>.
/// </summary>
public sealed class AgencyTokenCache(TimeProvider clock) : IDisposable
{
    /// <summary>Longer than any token the portal issues (ten minutes by default); no token is trusted from memory longer.</summary>
    private static readonly TimeSpan MaxKept = TimeSpan.FromMinutes(5);

    /// <summary>A token longer than this is not the portal's (they are about 800 characters) and is not kept.</summary>
    private const int MaxTokenLength = 4096;

    private const string BearerPrefix = "Bearer ";

    // Bounded: a flood of distinct valid tokens (each costs a token request) cannot grow it past this.
    private readonly MemoryCache validated = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>The token's principal: from memory when this server validated the same token before, else from OpenIddict.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        var token = BearerToken(http.Request);
        if (token is not null && validated.TryGetValue(token, out Validated? known) && known is not null && clock.GetUtcNow() < known.ExpiresAt)
        {
            return known.Principal;
        }

        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return null;
        }

        if (token is not null && principal.GetExpirationDate() is { } expires)
        {
            var now = clock.GetUtcNow();
            var until = expires < now + MaxKept ? expires : now + MaxKept;
            if (until > now)
            {
                validated.Set(token, new Validated(principal, until), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = until - now, Size = 1 });
            }
        }

        return principal;
    }

    public void Dispose() => validated.Dispose();

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || value.Length > MaxTokenLength + BearerPrefix.Length
            || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value[BearerPrefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private sealed record Validated(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
