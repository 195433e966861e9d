import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n, initLanguage } from './i18n';
import { createAppRouter } from './router';
import './styles/main.css';
import { captureBridgeSecret } from './platform/bridge-secret';
import { loadMachineName } from './platform/machine-name-load';

// Before the router reads the fragment: browser mode's page secret arrives there once.
captureBridgeSecret();
initLanguage();
// The audit log's "where": known before the agent can act, so entries carry it.
void loadMachineName();
const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
app.mount('#app');
