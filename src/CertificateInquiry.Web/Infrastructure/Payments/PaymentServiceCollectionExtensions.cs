using CertificateInquiry.Web.Infrastructure.OutsideServices;
using CertificateInquiry.Web.Infrastructure.Payments.Sep;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CertificateInquiry.Web.Infrastructure.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// The gateways: the sandbox only when <c>Payments:Sandbox:Enabled</c> (never in Production), Sep when
    /// <c>Payments:Sep:Enabled</c>. <c>Payments:Gateway</c> names the one new payments go through.
    /// </summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PaymentOptions.Section);
        builder.Services.Configure<PaymentOptions>(section);
        var options = section.Get<PaymentOptions>() ?? new PaymentOptions();
        if (options.Sandbox.Enabled)
        {
            // The sandbox approves whatever the visitor clicks: a production server that ran it would give requests away.
            // A staging copy may run it.
            if (builder.Environment.IsProduction() && !StagingCopy.Is(builder.Configuration))
            {
                throw new InvalidOperationException("Payments:Sandbox:Enabled is true in Production: the sandbox takes no money. Switch it off and configure a real gateway (docs/providers/payment-sep.md), or set Portal:StagingCopy=true on a staging copy.");
            }

            builder.Services.AddSingleton<SandboxPaymentGateway>();
            builder.Services.AddSingleton<IPaymentGateway>(services => services.GetRequiredService<SandboxPaymentGateway>());
        }

        if (options.Sep.Enabled)
        {
            AddSep(builder, options.Sep);
        }

        builder.Services.AddSingleton<PaymentGateways>();
        return builder;
    }

    private static void AddSep(WebApplicationBuilder builder, SepGatewayOptions sep)
    {
        if (sep.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem + " (docs/providers/payment-sep.md).");
        }

        builder.Services.AddOutsideServiceHealth();
        builder.Services.AddSingleton<SepPaymentGateway>();
        builder.Services.AddSingleton<IPaymentGateway>(services => services.GetRequiredService<SepPaymentGateway>());

        builder.Services.AddHttpClient<SepClient>(SepPaymentGateway.HttpClientName, client =>
            {
                client.BaseAddress = sep.BaseAddress;

                // The pipeline's timeouts govern; HttpClient's own 100 s would only hide them.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers() // the factory's per-request lines (address, status, time) say less than the payment's own log events
            .AddResilienceHandler("sep", pipeline =>
            {
                pipeline.AddTimeout(sep.TotalTimeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),

                    // Only what is safe to send twice: asking about a transaction. A token request or a reverse is sent once.
                    ShouldHandle = arguments => ValueTask.FromResult(
                        IsRepeatable(arguments.Outcome.Result?.RequestMessage ?? arguments.Context.GetRequestMessage())
                        && HttpClientResiliencePredicates.IsTransient(arguments.Outcome)),
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = sep.CircuitBreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(sep.AttemptTimeout);
            });
    }

    private static bool IsRepeatable(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(SepClient.Repeatable, out var repeatable) && repeatable;
}
