namespace AxisEmulator.Core.Button;

public enum ButtonCondition
{
    /// <summary>Clean click; its edge bounce settles inside the debounce window.</summary>
    Healthy,

    /// <summary>No tactile click; the contact drops out at random during a hold (seeded).</summary>
    Mushy,

    /// <summary>Contact always closed.</summary>
    Stuck,

    /// <summary>Contact never closes.</summary>
    Broken,
}

/// <summary>
/// The condition of the control button's contact. For a mushy contact, dropouts arrive at
/// <paramref name="DropoutsPerSecond"/> on average and last <paramref name="DropoutMilliseconds"/> on
/// average (exponentially distributed, seeded); one longer than the debounce window reads as a release.
/// </summary>
public sealed record ButtonFault(ButtonCondition Condition, double DropoutsPerSecond = 0.5, double DropoutMilliseconds = 120)
{
    public static readonly ButtonFault Healthy = new(ButtonCondition.Healthy);

    /// <summary>Clear error messages for bad parameters; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Condition == ButtonCondition.Mushy)
        {
            if (!double.IsFinite(DropoutsPerSecond) || DropoutsPerSecond <= 0 || DropoutsPerSecond > 100)
            {
                errors.Add("dropoutsPerSecond must be greater than 0 and at most 100.");
            }

            if (!double.IsFinite(DropoutMilliseconds) || DropoutMilliseconds <= 0 || DropoutMilliseconds > 60_000)
            {
                errors.Add("dropoutMs must be greater than 0 and at most 60000.");
            }
        }

        return errors;
    }
}
