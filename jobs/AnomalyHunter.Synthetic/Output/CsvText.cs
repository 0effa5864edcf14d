using System.Globalization;
using System.Text;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Small text helpers shared by the CSV writers.</summary>
internal static class CsvText
{
    /// <summary>The header of the long layout.</summary>
    public const string LongHeader = "timestamp,metric,value,tenant,region,service,host";

    /// <summary>Quotes a field when it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A UTC time as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A number in the invariant culture's shortest round-trippable form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The UTF-8 bytes of <c>,metric,</c> for the long layout.</summary>
    public static byte[] MetricField(SeriesInfo series) => Encoding.UTF8.GetBytes("," + Field(series.Metric) + ",");

    /// <summary>The UTF-8 bytes of <c>,tenant,region,service,host\n</c> for the long layout.</summary>
    public static byte[] LabelFields(SeriesInfo series) => Encoding.UTF8.GetBytes(
        "," + Field(series.Tenant) + "," + Field(series.Region) + "," + Field(series.Service) + "," + Field(series.Host) + "\n");
}
