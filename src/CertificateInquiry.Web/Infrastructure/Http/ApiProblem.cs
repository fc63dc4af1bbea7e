using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Infrastructure.Http;

/// <summary>One field's error in an API problem: a stable code, a Persian message for people, an English one for developers.</summary>
public sealed record ApiFieldError(string Field, string Code, string Message, string MessageEn);

/// <summary>
/// An error of the agency API as RFC 9457 problem details (<c>application/problem+json</c>): <c>type</c>, an English
/// <c>title</c>, and as extensions a Persian <c>titleFa</c> and the per-field <c>errors</c>.
/// </summary>
public sealed record ApiProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("titleFa")] string TitleFa,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("errors")] IReadOnlyList<ApiFieldError>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    /// <summary>The prefix of every problem type: a page of the API documentation.</summary>
    public const string TypeBase = "https://tvto.ir/problems/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ApiProblem InvalidInput(IReadOnlyList<ApiFieldError> errors) =>
        new(TypeBase + "invalid-input", "The request is not valid.", "درخواست درست نیست.", StatusCodes.Status400BadRequest, null, errors);

    public static ApiProblem Unauthorized(string detail) =>
        new(TypeBase + "unauthorized", "A valid bearer token is required.", "توکن دسترسی معتبر لازم است.", StatusCodes.Status401Unauthorized, detail);

    public static ApiProblem Forbidden(string detail) =>
        new(TypeBase + "forbidden", "This client may not make this request.", "این دستگاه اجازه این استعلام را ندارد.", StatusCodes.Status403Forbidden, detail);

    public static ApiProblem NotFound(string detail) =>
        new(TypeBase + "not-found", "Not found.", "پیدا نشد.", StatusCodes.Status404NotFound, detail);

    public static ApiProblem TooManyRequests(string detail) =>
        new(TypeBase + "too-many-requests", "Too many requests.", "شمار درخواست‌ها از سقف مجاز گذشته است.", StatusCodes.Status429TooManyRequests, detail);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public ContentResult ToResult() => new() { StatusCode = Status, ContentType = ContentType, Content = ToJson() };

    public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        return response.WriteAsync(ToJson(), cancellationToken);
    }

    /// <summary>Whether a request is one of the API's, which answers with problem details rather than Persian pages.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase);
}
