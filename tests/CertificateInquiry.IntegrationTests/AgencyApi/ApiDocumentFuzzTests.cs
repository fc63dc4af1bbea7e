using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// A fuzzer driven by the published document (what schemathesis does; it is not installable here): for every JSON
/// operation of <c>/openapi/v1.json</c>, bodies built from its request schema and then broken on purpose (wrong
/// types, missing and extra members, NUL bytes, other scripts, huge values, non-JSON), with and without a token. Every
/// answer must be one the document lists for that operation, with the content type it lists, and never a 5xx. The
/// generator is seeded, so a failure is reproducible.
/// </summary>
public sealed class ApiDocumentFuzzTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int CasesPerOperation = 150;

    private static readonly string[] Strings =
    [
        "", " ", "0076543218", "۰۰۷۶۵۴۳۲۱۸", "٠٠٧٦٥٤٣٢١٨", "1401-08-000101", "\0", "\0\0\0", "مريم", "<script>alert(1)</script>",
        "=HYPERLINK(\"x\")", "' OR 1=1 --", "\u202E\u200F", "𝕏😀", "employment", "judicial", "other", "null", "-1",
        new string('۱', 300), new string('x', 70), "%00", "../../etc/passwd", "\r\n", "true",
    ];

    [Fact]
    public async Task No_generated_request_gets_a_5xx_or_an_answer_the_document_does_not_list()
    {
        var client = portal.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var authorized = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify | AgencyScopes.Person | AgencyScopes.Batch);
        var random = new Random(20261207);
        var failures = new List<string>();
        var operations = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? Resolve(document, json.GetProperty("schema"))
                    : (JsonElement?)null;
                if (path.Name.Contains('{', StringComparison.Ordinal) || (method != HttpMethod.Get && body is null))
                {
                    continue; // path parameters and non-JSON bodies are fuzzed by their own tests
                }

                operations++;
                for (var i = 0; i < CasesPerOperation; i++)
                {
                    using var request = new HttpRequestMessage(method, path.Name);
                    if (body is { } schema)
                    {
                        var (text, mediaType) = Body(schema, random);
                        request.Content = new StringContent(text, Encoding.UTF8);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                    }

                    var sender = random.Next(5) == 0 ? client : authorized;
                    using var response = await sender.SendAsync(request);
                    var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var responses = operation.Value.GetProperty("responses");
                    var what = $"{method} {path.Name} case {i} → {status}";
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add(what + " (a server error)");
                    }
                    else if (!responses.TryGetProperty(status, out var documented))
                    {
                        failures.Add(what + " (status not in the document)");
                    }
                    else if (documented.TryGetProperty("content", out var content)
                        && response.Content.Headers.ContentType?.MediaType is { } actual
                        && !content.EnumerateObject().Any(c => c.Name == actual))
                    {
                        failures.Add(what + $" (content type {actual} not in the document)");
                    }
                    else if (response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json")
                    {
                        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
                    }
                }
            }
        }

        Assert.True(operations > 0, "the document lists no operation to fuzz");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct().Take(30)));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    /// <summary>A body for <paramref name="schema"/>: mostly a well-typed object with fuzzed strings, sometimes broken.</summary>
    private static (string Text, string MediaType) Body(JsonElement schema, Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                return ("{\"nationalCode\": ", "application/json");
            case 1:
                return ("[" + random.Next() + "]", "application/json");
            case 2:
                return ("nationalCode=0076543218", "application/x-www-form-urlencoded");
            case 3:
                return (new string('\0', random.Next(1, 64)), "application/json");
            default:
                break;
        }

        var members = new List<string>();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                continue; // missing
            }

            var value = roll switch
            {
                1 => random.Next(-5, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "null",
                3 => "{\"nested\": [1, 2, {}]}",
                4 => "true",
                _ => JsonSerializer.Serialize(Strings[random.Next(Strings.Length)]),
            };
            members.Add(JsonSerializer.Serialize(property.Name) + ": " + value);
        }

        if (random.Next(4) == 0)
        {
            members.Add("\"unexpected\": \"" + new string('z', random.Next(1, 2000)) + "\"");
        }

        return ("{" + string.Join(", ", members) + "}", "application/json");
    }
}
