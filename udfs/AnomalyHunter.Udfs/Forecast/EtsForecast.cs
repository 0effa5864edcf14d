namespace AnomalyHunter.Udfs.Forecast;

/// <summary>One point's forecast from an <see cref="EtsModel"/>: its slot, the horizon after the last update, the spread factor √factor(h), the prediction's standard deviation and the predicted value.</summary>
internal readonly record struct EtsForecast(long Slot, int Horizon, double Spread, double Sd, double Predicted);
