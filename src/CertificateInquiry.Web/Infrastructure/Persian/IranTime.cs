namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>Iran's local time, for "today" (expiry, future dates) and for showing instants.</summary>
public static class IranTime
{
    // Iran has kept +03:30 all year since 1401 (2022); the fixed offset is the fallback where tzdata is missing.
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToIranTime(DateTime utcInstant) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(ToIranTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which <paramref name="date"/> begins in Iran, for filtering stored instants by a typed day.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Iran", TimeSpan.FromMinutes(210), "Iran", "Iran");
        }
    }
}
