using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The OpenAPI 3.1 document of the agency API (<c>/openapi/v1.json</c>), generated from the running controllers so that
/// it cannot drift from them: only <c>/api/…</c> routes, the OAuth client-credentials scheme with the three scopes, and
/// on each protected operation its scopes and the problem responses that the access check gives (401, 403, 429).
/// </summary>
public static class AgencyApiDocument
{
    public const string Name = "v1";
    public const string Route = "/openapi/{documentName}.json";
    public const string ReferenceRoute = "/api/docs";
    private const string Scheme = "agencyOAuth";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, context, _) =>
        {
            var address = context.ApplicationServices.GetRequiredService<PublicAddress>();
            document.Info = new OpenApiInfo
            {
                Title = "TVTO certificate inquiry API for agencies",
                Version = "1",
                Description = "Agencies (government bodies and businesses registered by TVTO) verify skill certificates and licenses. "
                    + "Authenticate with OAuth 2.0 client credentials at /connect/token (client_secret_post or private_key_jwt). "
                    + "Every answer is signed (JWS, ES256); the keys are at /.well-known/jwks.json. Errors are RFC 9457 problem details "
                    + "with an English title and a Persian titleFa. A Persian guide is in the portal's docs (docs/agency-api-guide.md).",
            };
            document.Servers = [new OpenApiServer { Url = address.For("/") }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Client credentials; the token is sent as Authorization: Bearer TOKEN.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(address.For("/connect/token")),
                        Scopes = AgencyScopeNames.All.ToDictionary(scope => scope.Name, scope => AgencyScopeNames.Title(scope.Scope)),
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRequestBodyAttribute>().LastOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [body.ContentType] = new()
                        {
                            Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken),
                            Example = body.Example is null ? null : JsonNode.Parse(body.Example),
                        },
                    },
                };
            }

            var access = context.Description.ActionDescriptor.EndpointMetadata.OfType<AgencyApiAccessAttribute>().LastOrDefault();
            if (access is null)
            {
                return;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [.. AgencyScopeNames.Names(access.AnyOf)] }];
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, description) in new[]
            {
                ("401", "No valid bearer token, or the client is suspended or expired."),
                ("403", "The token lacks the scope this operation needs: " + string.Join(" or ", AgencyScopeNames.Names(access.AnyOf)) + "."),
                ("429", "The client's request rate or daily quota is spent; see the Retry-After header."),
            })
            {
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiProblem.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ApiProblem), context.Document) },
                    },
                });
            }
        });
    }
}
