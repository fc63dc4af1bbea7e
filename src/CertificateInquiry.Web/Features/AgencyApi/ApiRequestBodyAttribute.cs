namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Names the body an action reads itself (to answer a malformed or oversized body in problem details rather than
/// through model binding), so that the OpenAPI document still describes it (<see cref="AgencyApiDocument"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestBodyAttribute(Type type, string contentType, string? example = null) : Attribute
{
    public Type Type { get; } = type;

    public string ContentType { get; } = contentType;

    /// <summary>An example body, as JSON text.</summary>
    public string? Example { get; } = example;
}
