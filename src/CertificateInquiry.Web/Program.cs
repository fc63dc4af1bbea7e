using CertificateInquiry.Web.Commands;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Startup;

// An operator command's standard output is its result (create-agency-client prints one JSON object that scripts
// read): for a command, everything else written to the console, log lines included, goes to standard error.
var standardOutput = Console.Out;
if (CommandLine.IsCommand(args))
{
    Console.SetOut(Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddLogging();
builder.AddDatabase();
builder.AddPortalServices();
builder.AddWebPipelineServices();
builder.AddStaffAuthentication();
builder.AddInquiryRateLimiting();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    // Operator commands share the portal's configuration and services but never start the web server.
    return await CommandLine.RunAsync(app, args, standardOutput);
}

app.RefuseUnreadyProduction();
await app.PrepareDatabaseAsync();
app.UsePortalPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
