using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// The SD card: the <c>Storage.S&lt;n&gt;</c> disk <c>SD_DISK</c> and <c>Properties.LocalStorage.SDCard</c>.
/// Without a slot the disk goes and the network share keeps its number (an estimate).
/// </summary>
internal sealed class StorageGroups : IHardwareGroups
{
    public const string SdDiskId = "SD_DISK";

    public IReadOnlyList<string> Groups { get; } = ["Storage", "Properties.LocalStorage.SDCard"];

    public bool Differs(HardwareSpec captured, HardwareSpec wanted) => captured.SdCard != wanted.SdCard;

    public ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates)
    {
        var sdDisk = tree.InGroup("Storage.*.DiskID").FirstOrDefault(e => e.Value == SdDiskId).Key;
        if (!wanted.SdCard)
        {
            tree = sdDisk is null ? tree : tree.WithoutGroup(sdDisk[..sdDisk.LastIndexOf('.')]);
            return tree.Contains("Properties.LocalStorage.SDCard") ? tree.With("Properties.LocalStorage.SDCard", "no") : tree;
        }

        // Both captured lines have the SD disk; a template without one gains only the property.
        return tree.With("Properties.LocalStorage.SDCard", "yes");
    }
}
