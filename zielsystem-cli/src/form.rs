//! `zielsystem form --system SYSTEM.json --tertial 2022-T2 [--goal A01 | --member m-x]
//! [--previous SHEET ...] [--from SHEET ...] -o DIR`: the Berichtsblatt as pre-filled XLSX forms,
//! one workbook per goal (`A01.xlsx`) or, with `--member`, one per member with a worksheet per goal.
//! `--from` fills the form with a sheet's answers (a returned sheet goes back pre-filled).

use std::io::Write;
use std::path::{Path, PathBuf};

use zielsystem_core::{ReportSheet, TargetSystem, Tertial};
use zielsystem_forms::{FormRequest, goal_form, member_form};

use crate::Failure;
use crate::input::{parse_file, terminal_safe};

/// The arguments of `form`.
#[derive(Debug, clap::Args)]
pub(crate) struct FormArgs {
    /// Das Zielsystem (JSON).
    #[arg(long)]
    system: PathBuf,
    /// Das Berichtstertial, z. B. 2022-T2.
    #[arg(long)]
    tertial: Tertial,
    /// Nur das Formular dieses Ziels (Datei `ZIEL.xlsx`).
    #[arg(long, conflicts_with = "member")]
    goal: Option<String>,
    /// Ein Formular für dieses Bezirksamtsmitglied, ein Tabellenblatt je Ziel (Datei `MITGLIED.xlsx`).
    #[arg(long)]
    member: Option<String>,
    /// Berichtsblätter früherer Tertiale: ihre Einschätzung steht zum Vergleich im Formular.
    #[arg(long = "previous", value_name = "SHEET")]
    previous: Vec<PathBuf>,
    /// Berichtsblätter, mit deren Angaben das Formular ausgefüllt wird (z. B. ein zurückgegebenes Blatt).
    #[arg(long = "from", value_name = "SHEET")]
    from: Vec<PathBuf>,
    /// Verzeichnis für die Formulare.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: PathBuf,
}

fn write_file(out: &mut impl Write, path: &Path, bytes: &[u8], what: &str) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| {
        Failure(format!(
            "„{}“ kann nicht geschrieben werden: {e}",
            terminal_safe(&path.display().to_string())
        ))
    })?;
    writeln!(
        out,
        "Geschrieben: {} ({what})",
        terminal_safe(&path.display().to_string())
    )?;
    Ok(())
}

/// A file name from an id: only the characters a file name can safely hold.
pub(crate) fn file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "_".to_string()
    } else {
        stem
    }
}

pub(crate) fn run(out: &mut impl Write, args: &FormArgs) -> Result<u8, Failure> {
    let system: TargetSystem = parse_file(&args.system)?;
    let previous: Vec<ReportSheet> = args
        .previous
        .iter()
        .map(|path| parse_file(path))
        .collect::<Result<_, _>>()?;
    let answers: Vec<ReportSheet> = args
        .from
        .iter()
        .map(|path| parse_file(path))
        .collect::<Result<_, _>>()?;
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Failure(format!(
            "{}: {e}",
            terminal_safe(&args.output.display().to_string())
        ))
    })?;
    let tertial = args.tertial;
    let label = tertial.label_de();
    if let Some(member) = &args.member {
        let request = FormRequest {
            tertial,
            previous: &previous,
            answers: &answers,
        };
        let bytes = member_form(&system, member, &request)?;
        let path = args.output.join(format!("{}.xlsx", file_stem(member)));
        return write_file(out, &path, &bytes, &format!("{member}, {label}")).map(|()| 0);
    }
    let goals: Vec<String> = match &args.goal {
        Some(goal) => vec![goal.clone()],
        None if !answers.is_empty() => answers.iter().map(|s| s.goal.clone()).collect(),
        None => system.goals.iter().map(|g| g.id.clone()).collect(),
    };
    for goal in goals {
        let own: Vec<ReportSheet> = answers.iter().filter(|s| s.goal == goal).cloned().collect();
        let request = FormRequest {
            tertial,
            previous: &previous,
            answers: &own,
        };
        let bytes = goal_form(&system, &goal, &request)?;
        let path = args.output.join(format!("{}.xlsx", file_stem(&goal)));
        write_file(out, &path, &bytes, &format!("Ziel {goal}, {label}"))?;
    }
    Ok(0)
}
