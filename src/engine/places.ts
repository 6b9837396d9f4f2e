/**
 * Countries and large cities as ads name them in the eight languages (folded, with * for the
 * inflected endings of Polish, Slovak, Bulgarian and Greek). Used to find the destination country
 * of a job (for pay comparison) and to notice a text that names a city far from the ad's location.
 */
import type { CompiledEntry } from './compile.js';
import { addEntry, runCandidates, type Candidates, type Matchable, type PrefixIndex, type TextWords } from './prefilter.js';
import { compilePhrase } from './patterns.js';
import { LANGS } from './types.js';

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

export interface PlaceEntry extends Matchable {
  kind: 'place';
  code: string;
}

/** Prefilter groups of the place names, after the languages and "any" (see compile.ts). */
export const COUNTRY_GROUP = LANGS.length + 1;
export const CITY_GROUP = LANGS.length + 2;
export const PLACE_GROUPS = (1 << COUNTRY_GROUP) | (1 << CITY_GROUP);

type PackIndex = PrefixIndex<CompiledEntry | PlaceEntry>;
type CompiledPlace = { entry: PlaceEntry } & Pick<ReturnType<typeof compilePhrase>, 'anchors' | 'required'>;

// The place names compile once per process and go into every pack's index.
let compiled: CompiledPlace[] | undefined;

/** Adds the country and city names to a pack's index. */
export function addPlaces(index: PackIndex, phrase: (p: string) => ReturnType<typeof compilePhrase> = compilePhrase): void {
  if (!compiled) {
    compiled = [];
    for (const [table, group] of [[COUNTRY_NAMES, COUNTRY_GROUP], [CITIES, CITY_GROUP]] as const) {
      for (const [code, names] of Object.entries(table)) {
        for (const name of names.split('|')) {
          const c = phrase(name.trim());
          const entry: PlaceEntry = { kind: 'place', code, group, source: c.source, atStart: c.atStart };
          compiled.push({ entry, anchors: c.anchors, required: c.required });
        }
      }
    }
  }
  for (const c of compiled) addEntry(index, c.entry, c.anchors, c.required);
}

export interface PlaceMention {
  code: string;
  from: number;
  to: number;
}

/** The countries or cities (group) that an ad's scan found, in text order. */
export function placeMentions(index: PackIndex, words: TextWords, found: Candidates, group: number): PlaceMention[] {
  const out: PlaceMention[] = [];
  runCandidates(index, words, found, 1 << group, (entry, from, to) => {
    if (entry.kind === 'place') out.push({ code: entry.code, from, to });
    return true;
  });
  return out.sort((a, b) => a.from - b.from);
}

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
