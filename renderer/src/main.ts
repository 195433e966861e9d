import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n, initLanguage } from './i18n';
import { createAppRouter } from './router';
import './styles/main.css';

initLanguage();
const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(createAppRouter());
app.mount('#app');
