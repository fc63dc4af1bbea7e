using System.Buffers;
using System.Text.Json;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Reads an API request's JSON body into an object, or says why it cannot in problem details: not JSON
/// (415), too large (413), malformed, the wrong type in a field, or nothing at all (400). Never throws into the action.
/// </summary>
public static class ApiBody
{
    public static async Task<(T? Value, ApiProblem? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (!request.HasJsonContentType())
        {
            return (null, new ApiProblem(ApiProblem.TypeBase + "unsupported-media-type", "The body must be JSON (Content-Type: application/json).",
                "بدنه درخواست باید JSON باشد.", StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Read whole into a pooled buffer, within the limit whatever the server enforces (a chunked body has no
        // Content-Length); one byte more than the limit tells a body that is too large.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
            }

            var json = buffer.AsSpan(0, length);
            if (json.StartsWith("\uFEFF"u8))
            {
                json = json[3..]; // as the stream reader did: a byte order mark is no error
            }

            var value = JsonSerializer.Deserialize<T>(json, AgencyJson.Options);
            return value is null ? (null, Malformed("The body is JSON null; send an object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            // The path (e.g. $.nationalCode) names the field; the message of the parser may echo input, so it is not sent.
            return (null, Malformed(exception.Path is { Length: > 1 } path
                ? $"The value at {path} is not of the documented type (every field is a string)."
                : "The body is not a well-formed JSON object."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiProblem TooLarge(int maxBytes) =>
        new(ApiProblem.TypeBase + "payload-too-large", $"The body is larger than {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes.",
            "بدنه درخواست بیش از اندازه بزرگ است.", StatusCodes.Status413PayloadTooLarge);

    private static ApiProblem Malformed(string detail) =>
        new(ApiProblem.TypeBase + "malformed-body", "The body cannot be read.", "بدنه درخواست خوانا نیست.", StatusCodes.Status400BadRequest, detail);
}
