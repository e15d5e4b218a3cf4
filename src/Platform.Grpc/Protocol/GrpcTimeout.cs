using System.Globalization;

namespace Platform.Grpc.Protocol;

/// <summary><c>grpc-timeout</c>: at most eight ASCII digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        timeout = value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromTicks(amount * 10),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => TimeSpan.MinValue,
        };
        return timeout != TimeSpan.MinValue;
    }

    /// <summary>The shortest unit that fits in eight digits, rounded up so the server never cuts a call short.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        var micros = CeilingDivide(ticks, 10);
        if (micros <= MaxValue)
        {
            return Invariant(micros, 'u');
        }

        var millis = CeilingDivide(ticks, TimeSpan.TicksPerMillisecond);
        if (millis <= MaxValue)
        {
            return Invariant(millis, 'm');
        }

        var seconds = CeilingDivide(ticks, TimeSpan.TicksPerSecond);
        if (seconds <= MaxValue)
        {
            return Invariant(seconds, 'S');
        }

        var minutes = CeilingDivide(ticks, TimeSpan.TicksPerMinute);
        return minutes <= MaxValue ? Invariant(minutes, 'M') : Invariant(Math.Min(CeilingDivide(ticks, TimeSpan.TicksPerHour), MaxValue), 'H');
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;

    private static string Invariant(long amount, char unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
