namespace CertificateInquiry.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The name of the providers that write messages to the log and to <c>/dev/messages</c>.</summary>
    public const string LogProvider = "Log";

    public const string SmtpProvider = "Smtp";

    /// <summary>
    /// Senders (<c>Sms:Provider</c>, <c>Email:Provider</c>), the outbox (<see cref="Notifier"/>,
    /// <see cref="OutboxDispatcher"/>) and the development message log.
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.MaxAttempts > 0, "Notifications: PollInterval, BatchSize and MaxAttempts must be positive.")
            .Validate(o => o.SendTimeout < o.Lease, "Notifications:SendTimeout must be shorter than Notifications:Lease, or a slow send outlives its lease and another dispatcher sends the message too.")
            .ValidateOnStart();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));

        services.AddSingleton<DevelopmentMessageLog>();
        var providers = new NotificationProviders(
            configuration["Sms:Provider"] is { Length: > 0 } sms ? sms : LogProvider,
            configuration["Email:Provider"] is { Length: > 0 } email ? email : SmtpProvider);
        services.AddSingleton(providers);

        // Real SMS providers plug in here, each behind ISmsSender.
        if (string.Equals(providers.Sms, LogProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsSender, DevelopmentSmsSender>();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Sms:Provider '{providers.Sms}'. Known: {LogProvider}.");
        }

        if (string.Equals(providers.Email, LogProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, DevelopmentEmailSender>();
        }
        else if (string.Equals(providers.Email, SmtpProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Email:Provider '{providers.Email}'. Known: {SmtpProvider}, {LogProvider}.");
        }

        services.AddScoped<Notifier>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}

/// <summary>The senders in use, named as in settings; logged when the dispatcher starts.</summary>
public sealed record NotificationProviders(string Sms, string Email)
{
    public bool SmsToLogOnly => string.Equals(Sms, NotificationServiceCollectionExtensions.LogProvider, StringComparison.OrdinalIgnoreCase);

    public bool EmailToLogOnly => string.Equals(Email, NotificationServiceCollectionExtensions.LogProvider, StringComparison.OrdinalIgnoreCase);
}
