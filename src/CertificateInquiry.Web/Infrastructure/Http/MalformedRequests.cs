using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CertificateInquiry.Web.Infrastructure.Http;

/// <summary>
/// A request body that cannot be a person's form — one the form reader refuses (a value over 4 MB, a broken
/// multipart body, a body cut short) or a field holding a control character such as NUL — is the client's error: it
/// gets 400 with the Persian error page and one warning line in the log, never a stack trace. The form of a refused
/// request is replaced by an empty one, so nothing after it (the error page's re-execution included) reads the broken
/// body again.
/// </summary>
public static class MalformedRequests
{
    /// <summary>Catches a client error escaping from anywhere in the pipeline (a form read outside MVC's binding).</summary>
    public static IApplicationBuilder UseMalformedRequestRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (ClientErrorStatus(exception) is { } status && !context.Response.HasStarted)
            {
                Refuse(context, status, Describe(exception));
                context.Response.Clear();
                context.Response.StatusCode = status;
            }
        });

    /// <summary>The status a client's malformed request gets, or null when the exception is the portal's own fault.</summary>
    public static int? ClientErrorStatus(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,

        // A multipart body cut short (no closing boundary): the client's, not the portal's.
        IOException cut when cut.Message.StartsWith("Unexpected end of Stream", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>Logs the refusal in one line and empties the request's form.</summary>
    public static void Refuse(HttpContext context, int status, string reason)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedRequests))
            .MalformedRequestRefused(status, context.Request.Method, context.Request.Path, reason);
    }

    private static string Describe(Exception exception) =>
        exception.Message.ReplaceLineEndings(" ");

    /// <summary>Whether a form field holds a character no browser form sends (C0 controls but tab and line ends, DEL).</summary>
    public static bool HasControlCharacters(IFormCollection form)
    {
        foreach (var (key, values) in form)
        {
            if (HasControlCharacters(key))
            {
                return true;
            }

            foreach (var value in values)
            {
                if (HasControlCharacters(value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasControlCharacters(string? text) =>
        text is not null && text.AsSpan().IndexOfAny(ControlCharacters) >= 0;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");
}

/// <summary>
/// Reads the form of every MVC action before anything binds or checks it (after the action's own form limits, before
/// the antiforgery check), and refuses a malformed one with 400. Actions marked <see cref="AcceptsAnyBodyAttribute"/>
/// (the error pages) and re-executions of an error page are left alone: they never read the form.
/// </summary>
public sealed class MalformedFormFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After <c>[RequestFormLimits]</c> and <c>[RequestSizeLimit]</c> (900), before the antiforgery filters (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType
            || context.ActionDescriptor.EndpointMetadata.OfType<AcceptsAnyBodyAttribute>().Any()
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception exception) when (MalformedRequests.ClientErrorStatus(exception) is { } status)
        {
            MalformedRequests.Refuse(http, status, exception.Message.ReplaceLineEndings(" "));
            context.Result = new StatusCodeResult(status);
            return;
        }

        if (MalformedRequests.HasControlCharacters(form))
        {
            MalformedRequests.Refuse(http, StatusCodes.Status400BadRequest, "a form field holds a control character");
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>An action that answers whatever the request's body is and never reads its form (the error pages).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsAnyBodyAttribute : Attribute;
