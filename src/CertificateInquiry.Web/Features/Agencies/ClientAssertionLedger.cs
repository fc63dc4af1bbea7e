using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// Spends signed client assertions (RFC 7523): OpenIddict checks an assertion's signature, issuer, audience and
/// lifetime, but not whether it was used before, so a captured assertion could buy tokens until it expires. Each one
/// must carry a <c>jti</c>, live at most <see cref="MaxLifetime"/>, and is accepted once; spent ones are kept until
/// they expire, in the database, so every server refuses a replay.
/// </summary>
public sealed class ClientAssertionLedger(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Null when the assertion is spent now; otherwise why it is refused (English, for the OAuth error description).</summary>
    public async Task<string?> SpendAsync(string clientId, string assertion, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(assertion);
        }
        catch (ArgumentException)
        {
            return "The client assertion cannot be read.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(token.Id) || token.Id.Length > 128)
        {
            return "The client assertion must carry a jti of at most 128 characters.";
        }

        if (token.ValidTo == DateTime.MinValue || token.ValidTo - now > MaxLifetime)
        {
            return "The client assertion must expire within 10 minutes.";
        }

        // Expired assertions are refused by OpenIddict before they get here: their rows can go.
        await db.SpentClientAssertions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        db.SpentClientAssertions.Add(new SpentClientAssertion { ClientId = clientId, TokenId = token.Id, ExpiresAtUtc = token.ValidTo });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return "This client assertion was already used.";
        }
    }
}
