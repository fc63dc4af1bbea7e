using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Retention;

/// <summary>Runs <see cref="RetentionCleanup"/> every <see cref="RetentionOptions.Interval"/>, on one server at a time (a job lease, ADR-038).</summary>
public sealed class RetentionWorker(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, JobLeases leases, TimeProvider clock, ILogger<RetentionWorker> logger)
    : LeasedPeriodicWork(leases, clock, logger)
{
    public const string Name = "retention";

    public override string JobName => Name;

    protected override TimeSpan? Interval => options.Value is { Enabled: true, Interval: var interval } ? interval : null;

    protected override async Task RunLeasedPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetentionCleanup>().RunOnceAsync(cancellationToken);
    }

    protected override void PassFailed(Exception exception) => logger.RetentionPassFailed(exception);
}
