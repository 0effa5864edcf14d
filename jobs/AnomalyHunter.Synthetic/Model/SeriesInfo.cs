namespace AnomalyHunter.Synthetic.Model;

/// <summary>The identity of one generated series: its labels, canonical key and unit.</summary>
/// <param name="Index">Position of the series in generation order (tenant, region, service, host, metric).</param>
/// <param name="Key">Canonical key text (see <see cref="SeriesKeyText"/>).</param>
/// <param name="Metric">Metric name, such as <c>cpu_utilization</c>.</param>
/// <param name="Tenant">Tenant label.</param>
/// <param name="Region">Data region label.</param>
/// <param name="Service">Service label.</param>
/// <param name="Host">Host label.</param>
/// <param name="Unit">Unit of the values, such as <c>percent</c> or <c>ms</c>.</param>
public sealed record SeriesInfo(int Index, string Key, string Metric, string Tenant, string Region, string Service, string Host, string Unit);
