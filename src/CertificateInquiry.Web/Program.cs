using CertificateInquiry.Web.Commands;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddLogging(operatorCommand: CommandLine.IsCommand(args));
builder.AddDatabase();
builder.AddPortalServices();
builder.AddWebPipelineServices();
builder.AddStaffAuthentication();
builder.AddInquiryRateLimiting();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    // Operator commands share the portal's configuration and services but never start the web server.
    return await CommandLine.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
