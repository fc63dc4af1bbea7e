namespace CertificateInquiry.Web.Infrastructure.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>
    /// The gateways (the sandbox only when <c>Payments:Sandbox:Enabled</c>). A real provider is one more <see cref="IPaymentGateway"/> registered here and named in <c>Payments:Gateway</c>.
    /// </summary>
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PaymentOptions.Section);
        builder.Services.Configure<PaymentOptions>(section);
        var options = section.Get<PaymentOptions>() ?? new PaymentOptions();
        if (options.Sandbox.Enabled)
        {
            builder.Services.AddSingleton<SandboxPaymentGateway>();
            builder.Services.AddSingleton<IPaymentGateway>(services => services.GetRequiredService<SandboxPaymentGateway>());
        }

        builder.Services.AddSingleton<PaymentGateways>();
        return builder;
    }
}
