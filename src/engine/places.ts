/**
 * Countries and large cities as ads name them in the eight languages (folded, with * for the
 * inflected endings of Polish, Slovak, Bulgarian and Greek). Used to find the destination country
 * of a job (for pay comparison) and to notice a text that names a city far from the ad's location.
 */
import { activate, addEntry, emptyIndex, wordsOf, type PrefixIndex, type TextWords } from './compile.js';
import { compilePhrase } from './patterns.js';

/** Country code → names and inflected forms. */
export const COUNTRY_NAMES: Record<string, string> = {
  DE: 'germany|niemcy|niemczech|niemiec|deutschland|alemania|germania|nemeck*|германия|γερμανι*',
  AT: 'austria|austrii|austri*|osterreich|rakusk*|австрия|αυστρι*',
  NL: 'netherlands|holland|holandia|holandii|niderlandach|niederlande|holanda|paises bajos|paesi bassi|olanda|holandsk*|холандия|нидерландия|ολλανδι*',
  BE: 'belgium|belgia|belgii|belgien|belgica|belgio|belgick*|белгия|βελγι*',
  FR: 'france|francja|francji|frankreich|francia|francuzsk*|франция|γαλλι*',
  GB: 'uk|united kingdom|england|britain|anglia|anglii|wielka brytania|wielkiej brytanii|england|grossbritannien|inglaterra|reino unido|inghilterra|regno unito|anglick*|великобритания|англия|αγγλι*|βρεταννι*',
  IE: 'ireland|irlandia|irlandii|irland|irlanda|irsk*|ирландия|ιρλανδι*',
  IT: 'italy|wlochy|wloszech|italien|italia|taliansk*|италия|ιταλι*',
  ES: 'spain|hiszpania|hiszpanii|spanien|espana|spagna|spanielsk*|испания|ισπανι*',
  GR: 'greece|grecja|grecji|griechenland|grecia|grecka|grecko|гърция|ελλαδα|ελλαδ*',
  PL: 'poland|polska|polsce|polen|polonia|polsk*|полша|πολωνι*',
  SK: 'slovakia|slowacja|slowacji|slowakei|eslovaquia|slovacchia|slovensk*|словакия|σλοβακι*',
  CZ: 'czech republic|czechia|czechy|czechach|tschechien|chequia|repubblica ceca|cesk*|чехия|τσεχι*',
  BG: 'bulgaria|bulgarii|bulgarien|bulharsk*|българия|βουλγαρι*',
  RO: 'romania|rumunia|rumunii|rumanien|rumunsk*|румъния|ρουμανι*',
  PT: 'portugal|portugalia|portugalii|portogallo|portugalsk*|португалия|πορτογαλι*',
  NO: 'norway|norwegia|norwegii|norwegen|noruega|norvegia|norsk*|норвегия|νορβηγι*',
  SE: 'sweden|szwecja|szwecji|schweden|suecia|svezia|svedsk*|швеция|σουηδι*',
  DK: 'denmark|dania|danii|danemark|dinamarca|danimarca|dansk*|дания|δανι*',
  CH: 'switzerland|szwajcaria|szwajcarii|schweiz|suiza|svizzera|svajciar*|швейцария|ελβετι*',
  CY: 'cyprus|cypr|cyprze|zypern|chipre|cipro|кипър|κυπρο*',
  US: 'usa|united states|stany zjednoczone|usa|amerika|estados unidos|stati uniti|сащ|ηπα',
  AE: 'dubai|dubaj|dubaju|emirates|emiraty|дубай|ντουμπαι',
};

/** Country code → its largest cities (folded forms); a text naming one places the ad there. */
export const CITIES: Record<string, string> = {
  PL: 'varsovia|varsavia|варшава|βαρσοβια|warszaw*|krakow*|wroclaw*|poznan*|gdansk*|gdyni*|lodz*|szczecin*|lublin*|katowic*|bialystok*|rzeszow*|torun*|bydgoszcz*|opol*|kielc*',
  SK: 'bratislav*|kosic*|presov*|zilin*|nitr*|banska bystric*|trnav*|trencin*',
  BG: 'софия|sofia|σοφια|пловдив|plovdiv|варна|varna|бургас|burgas|русе|стара загора',
  GR: 'αθην*|athens|athen|ateny|atenach|atenas|atene|атина|θεσσαλονικ*|thessaloniki|salonik*|πειραια*|πατρα|ηρακλειο|λαρισα',
  IT: 'roma|rome|rzym*|rim|ρωμη|рим|milano|milan|mediolan*|μιλανο|милано|napoli|naples|torino|turin|palermo|genova|bologna|firenze|florence|venezia|verona|bari',
  ES: 'barcellona|barcelon*|μαδριτη|мадрид|madrid|barcelona|valencia|sevilla|zaragoza|malaga|murcia|palma|bilbao|alicante|almeria|huelva',
  AT: 'wien|vienna|viena|wieden|wiedniu|viedn*|viden|graz|linz|salzburg|innsbruck|klagenfurt|виена|βιεννη',
  DE: 'berlin*|βερολινο|берлин|hamburg*|amburgo|хамбург|munchen|munich|monachium|mnichov*|monaco di baviera|μοναχο|мюнхен|koln|cologne|kolonia|kolin*|colonia|frankfurt*|francfort*|франкфурт|stuttgart*|dusseldorf*|leipzig|lipsk*|dortmund*|bremen|brema|dresden|drezn*|hannover|hanower*|nurnberg|norymberg*',
  GB: 'london*|londyn*|londres|londra|лондон|λονδινο|manchester|birmingham|liverpool|leeds|glasgow|edinburgh',
  NL: 'amsterdam*|rotterdam*|den haag|utrecht|eindhoven',
  FR: 'paris|parigi|paryz*|париж|παρισι|lyon|marseille|marsylia',
  BE: 'bruxelles|brussels|brussel|bruksel*|bruselas|брюксел|βρυξελλες|antwerp*',
  PT: 'lisboa|lisbon|lizbon*|lisbona|λισαβονα|лисабон',
  CZ: 'praha|prahe|prahy|prahu|prague|praga|pradze|brno|ostrava|plzen',
  RO: 'bucuresti|bucharest|bucarest|bukareszt*|cluj|timisoara|iasi|constanta',
};

interface Place {
  code: string;
  re: RegExp;
}

function build(table: Record<string, string>): PrefixIndex<Place> {
  const index = emptyIndex<Place>();
  for (const [code, names] of Object.entries(table)) {
    for (const name of names.split('|')) {
      const c = compilePhrase(name.trim());
      addEntry(index, { code, re: new RegExp(c.source, 'gu') }, c.anchors);
    }
  }
  return index;
}

let countries: PrefixIndex<Place> | undefined;
let cities: PrefixIndex<Place> | undefined;

export interface PlaceMention {
  code: string;
  from: number;
  to: number;
}

function mentions(index: PrefixIndex<Place>, text: string, words: TextWords): PlaceMention[] {
  const out: PlaceMention[] = [];
  const active = activate(index, words);
  for (let i = 0; i < active.length; i++) {
    if (!active[i]) continue;
    const { code, re } = index.entries[i]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ code, from: m.index, to: m.index + m[0].length });
  }
  return out.sort((a, b) => a.from - b.from);
}

export const countryMentions = (text: string, words = wordsOf(text)) => mentions((countries ??= build(COUNTRY_NAMES)), text, words);
export const cityMentions = (text: string, words = wordsOf(text)) => mentions((cities ??= build(CITIES)), text, words);

/** The country mentioned most often (first mention breaks ties), if any. */
export function mostMentioned(list: PlaceMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const m of list) {
    const c = counts.get(m.code)!;
    if (c > n) {
      best = m.code;
      n = c;
    }
  }
  return best;
}
