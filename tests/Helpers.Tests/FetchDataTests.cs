using System.Diagnostics;

namespace Helpers.Tests;

public class FetchDataTests : TempFolderTest
{
    [Fact]
    public void Verification_passes_on_the_fetched_data()
    {
        var (exitCode, output) = Run("--verify", Repository.DataDir);

        Assert.True(exitCode == 0, output);
        Assert.Contains("data verified", output);
    }

    [Fact]
    public void A_corrupted_file_fails_verification_naming_the_file()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Repository.DataDir, "SHA256SUMS")))
        {
            var name = line.Split("  ", 2)[1];
            File.Copy(Path.Combine(Repository.DataDir, name), Temp.File(name));
        }
        var corrupted = Temp.File("mnist/t10k-labels-idx1-ubyte");
        var bytes = File.ReadAllBytes(corrupted);
        bytes[^1] ^= 1;
        File.WriteAllBytes(corrupted, bytes);

        var (exitCode, output) = Run("--verify", Temp.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("checksum mismatch", output);
        Assert.Contains("mnist/t10k-labels-idx1-ubyte", output);
        Assert.DoesNotContain("train-images", output);
    }

    [Fact]
    public void A_missing_file_fails_verification_naming_the_file()
    {
        var (exitCode, output) = Run("--verify", Temp.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("fashion-mnist/t10k-images-idx3-ubyte.gz", output);
    }

    private static (int ExitCode, string Output) Run(string arguments, string dataDir)
    {
        var start = new ProcessStartInfo("bash", $"scripts/fetch-data.sh {arguments}")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DATA_DIR"] = dataDir },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
