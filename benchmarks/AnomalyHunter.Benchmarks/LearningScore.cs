namespace AnomalyHunter.Benchmarks;

/// <summary>Counts behind precision and recall of verdicts; adds up over seeds.</summary>
internal sealed record LearningScore(int Confirmed = 0, int ConfirmedReal = 0, int Labels = 0, int LabelsFound = 0)
{
    public double Precision => Confirmed == 0 ? 0 : (double)ConfirmedReal / Confirmed;

    public double Recall => Labels == 0 ? 0 : (double)LabelsFound / Labels;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public LearningScore Add(LearningScore o) => new(Confirmed + o.Confirmed, ConfirmedReal + o.ConfirmedReal, Labels + o.Labels, LabelsFound + o.LabelsFound);
}
