import { HomeScreen } from './screens/HomeScreen';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Minuta</span>
        <span className="tagline">Minutes of inter-governmental meetings</span>
      </header>
      <main className="app-main">
        <HomeScreen />
      </main>
    </div>
  );
}
